using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Layout;

/// <summary>A side column set in smaller type beside a line of running text is a line of its own, even close to the text.</summary>
public sealed class SideColumnTests
{
    [Fact]
    public void Build_SmallerTypeAtANarrowGap_IsALineOfItsOwn()
    {
        var pdf = new TestPdf();
        var text = "Een concrete wettelijke grondslag voor het tijdelijk verbieden van korte";
        var right = 80 + pdf.Page().WidthOf(text, 9);
        pdf.Text(text, 80, 671, size: 9).Text("IENW/BSK-2023/297705", right + 9, 672, size: 6.8);

        var lines = LineBuilder.Build(TestPdf.Pages(pdf.Build())[0]).Lines;

        Assert.Equal([text, "IENW/BSK-2023/297705"], lines.Select(l => l.Text));
    }

    [Fact]
    public void Build_SameTypeAtAWordGap_StaysOneLine()
    {
        var pdf = new TestPdf();
        var text = "Een concrete wettelijke grondslag voor het tijdelijk verbieden van korte";
        var right = 80 + pdf.Page().WidthOf(text, 9);
        pdf.Text(text, 80, 671, size: 9).Text("vluchten", right + 4, 671, size: 9);

        var lines = LineBuilder.Build(TestPdf.Pages(pdf.Build())[0]).Lines;

        Assert.Equal(text + " vluchten", Assert.Single(lines).Text);
    }
}
