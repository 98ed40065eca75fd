using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Tests.Support;
using UglyToad.PdfPig;

namespace LetterPipeline.Core.Tests.Layout;

public sealed class LineBuilderTests
{
    [Fact]
    public void Build_RaisedSmallDigit_BecomesMarkerOfTheLineBelow()
    {
        var pdf = new TestPdf().Page();
        var before = "de recent aangekondigde steun";
        pdf.Text(before, 72, 700).Text("1", 72 + pdf.WidthOf(before), 704.3, size: 6.4).Text("toelichten.", 72 + pdf.WidthOf(before) + 8, 700);

        var line = Assert.Single(Lines(pdf.Build()));

        Assert.Equal("de recent aangekondigde steun toelichten.", line.Text);
        var marker = Assert.Single(line.Markers);
        Assert.Equal("1", marker.Number);
        Assert.Equal(before.Length, marker.Offset);
    }

    [Fact]
    public void Build_TwoDigitMarkerBeforePunctuation_LeavesNoSpace()
    {
        var pdf = new TestPdf().Page();
        var before = "hoge inflatie";
        var x = 72 + pdf.WidthOf(before);
        pdf.Text(before, 72, 700).Text("12", x, 704, size: 6).Text(".", x + 6.7, 700);

        var line = Assert.Single(Lines(pdf.Build()));

        Assert.Equal("hoge inflatie.", line.Text);
        Assert.Equal(new LineMarker("12", before.Length), Assert.Single(line.Markers));
    }

    [Fact]
    public void Build_DigitsOnTheBaseline_AreText()
    {
        var pdf = new TestPdf().Page().Text("Kamerstuk 36 045, nr. 121", 72, 700);

        var line = Assert.Single(Lines(pdf.Build()));

        Assert.Equal("Kamerstuk 36 045, nr. 121", line.Text);
        Assert.Empty(line.Markers);
    }

    [Fact]
    public void Build_SideColumnBesideBody_IsItsOwnLine()
    {
        var pdf = new TestPdf().Page().Text("De Eurogroep zal spreken over de vooruitzichten.", 72, 700).Text("Datum", 448, 700);

        var lines = Lines(pdf.Build());

        Assert.Equal(["De Eurogroep zal spreken over de vooruitzichten.", "Datum"], lines.Select(l => l.Text));
    }

    [Fact]
    public void Build_BoldLine_IsMarkedBold()
    {
        var pdf = new TestPdf().Page().Text("Sessie 1: Rusland", 72, 720, isBold: true).Text("Gewone tekst", 72, 700);

        var lines = Lines(pdf.Build());

        Assert.True(lines[0].Bold);
        Assert.False(lines[1].Bold);
    }

    [Fact]
    public void Build_PageTurnedSideways_ReadsTheText()
    {
        var path = Path.Combine(Corpus.Root, "real", "rotated.pdf");
        using var document = PdfDocument.Open(path);

        var text = string.Join(" ", LineBuilder.Build(document.GetPage(1)).Lines.Select(l => l.Text));

        Assert.StartsWith("Lorem ipsum dolor sit amet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ZeroWidthGlyphsAtLetterPositions_AreDroppedAndKeepWordsWhole()
    {
        // This file draws zero-width spaces at the positions of letters: they must not reach the text, and a sort
        // that does not keep the content order for equal positions moved letters across them ("t he").
        var pdf = File.ReadAllBytes(Path.Combine(Corpus.Folder("hostile"), "single-page-broken-offsets.pdf"));

        var text = Lines(pdf).Select(l => l.Text).ToArray();

        Assert.Equal(["This is the document title", "There is some lede text here", "And then another line of text."], text);
    }

    private static IReadOnlyList<TextLine> Lines(byte[] pdf) => LineBuilder.Build(TestPdf.Pages(pdf)[0]).Lines;
}
