using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Layout;

/// <summary>Underlines are drawn rules, not a font property: the detector matches them to the text above.</summary>
public sealed class UnderlineDetectorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mark_RuleOrBarUnderTheWholeLine_IsUnderlined(bool asBar)
    {
        var line = Single(new TestPdf().Page().Underlined("Gebiedsprocessen", 72, 700, asBar: asBar), "Gebiedsprocessen");

        Assert.True(line.Underlined);
    }

    [Fact]
    public void Mark_RuleWiderThanTheText_IsATableBorderNotAnUnderline()
    {
        var line = Single(new TestPdf().Page().Text("Totaal", 72, 700).Rule(60, 500, 698), "Totaal");

        Assert.False(line.Underlined);
    }

    [Fact]
    public void Mark_LinkUnderlinedInPartOfALine_IsNotAnUnderlinedLine()
    {
        var pdf = new TestPdf().Page();
        var before = "Zie de website ";
        pdf.Text(before + "www.rijksoverheid.nl voor meer informatie.", 72, 700);
        var start = 72 + pdf.WidthOf(before);
        pdf.Rule(start, start + pdf.WidthOf("www.rijksoverheid.nl"), 698.2);

        Assert.False(Single(pdf, "Zie de website").Underlined);
    }

    [Fact]
    public void Mark_RuleAboveTheNextLine_DoesNotUnderlineIt()
    {
        // The footnote separator sits between the last body line and the first footnote, well below the body baseline.
        var pdf = new TestPdf().Page().Text("Kort", 72, 700).Rule(72, 90, 686);

        Assert.False(Single(pdf, "Kort").Underlined);
    }

    private static TextLine Single(TestPdf pdf, string start)
    {
        var page = TestPdf.Pages(pdf.Build())[0];
        return UnderlineDetector.Mark(page, LineBuilder.Build(page)).Lines.Single(l => l.Text.StartsWith(start, StringComparison.Ordinal));
    }
}
