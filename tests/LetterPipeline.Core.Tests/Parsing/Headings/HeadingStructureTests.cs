using LetterPipeline.Core.Model;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Parsing.Headings;

/// <summary>
/// Letters of our own making with the heading hierarchies real documents use: underlined sub-headings drawn as lines
/// or bars, a numbered I./1./1.1/a. hierarchy in one typeface, a bill's chapters, afdelingen and articles.
/// </summary>
public sealed class HeadingStructureTests
{
    private const string Sentence = "Het kabinet informeert uw Kamer hierbij over de stand van zaken en de verdere aanpak.";

    [Fact]
    public void Parse_UnderlinedSubHeadingsDrawnAsLinesAndBars_AreOneLevelBelowTheBoldOnes()
    {
        var letter = new Document("Voortgangsbrief stikstof")
            .Heading("Inleiding", bold: true).Text()
            .Heading("Aanpak", bold: true).Text()
            .Underlined("Gebiedsprocessen").Text()
            .Underlined("Vergunningverlening", asBar: true).Text()
            .Heading("Tot slot", bold: true).Text()
            .Parse();

        Assert.Equal([(1, "Inleiding"), (1, "Aanpak"), (2, "Gebiedsprocessen"), (2, "Vergunningverlening"), (1, "Tot slot")], Headings(letter));
    }

    [Fact]
    public void Parse_NumberedHierarchyInOneTypeface_NumberingDecidesTheLevel()
    {
        var letter = new Document("Memorie van toelichting")
            .Heading("I. Algemeen deel", bold: true).Text()
            .Heading("1. Inleiding", bold: true).Text()
            .Heading("1.1 Aanleiding", bold: true).Text()
            .Heading("a. Eerste punt", bold: true).Text()
            .Heading("b. Tweede punt", bold: true).Text()
            .Heading("1.2 Doel", bold: true).Text()
            .Heading("2. Hoofdlijnen", bold: true).Text()
            .Heading("II. Artikelsgewijze toelichting", bold: true).Text()
            .Heading("1. Onderdeel A", bold: true).Text()
            .Parse();

        Assert.Equal([1, 2, 3, 4, 4, 3, 2, 1, 2], Headings(letter).Select(h => h.Level));
    }

    [Fact]
    public void Parse_Bill_ChaptersAfdelingenAndArticlesAtStrictlyIncreasingLevels()
    {
        var letter = new Document("Voorstel van wet")
            .Heading("HOOFDSTUK 1 ALGEMENE BEPALINGEN", bold: true)
            .Heading("Artikel 1.1 Begripsbepalingen", bold: true).Text()
            .Heading("HOOFDSTUK 2 TOEZICHT EN HANDHAVING", bold: true)
            .Heading("Afdeling 2.1 Aanwijzing", bold: true)
            .Heading("Artikel 2.1 Toezichthouders", bold: true).Text()
            .Heading("Artikel 2.2 Bevoegdheden", bold: true).Text()
            .Heading("Afdeling 2.2 Handhaving", bold: true)
            .Heading("Artikel 2.3 Last onder dwangsom", bold: true).Text()
            .Heading("HOOFDSTUK 3 SLOTBEPALINGEN", bold: true)
            .Heading("Artikel 3.1 Inwerkingtreding", bold: true).Text()
            .Parse();

        var headings = Headings(letter);
        int LevelOf(string word) => headings.Where(h => h.Heading.StartsWith(word, StringComparison.Ordinal)).Select(h => h.Level).Distinct().Single();
        Assert.Equal(10, headings.Count);
        Assert.True(LevelOf("HOOFDSTUK") < LevelOf("Afdeling") && LevelOf("Afdeling") < LevelOf("Artikel"));
        Assert.Equal(1, LevelOf("HOOFDSTUK"));
    }

    [Fact]
    public void Parse_NumberedHeadingWrappedAtTheBodysPitchWithAHangingIndent_IsOneHeading()
    {
        var pdf = new TestPdf().Page()
            .Text("BNC-fiche", 72, 780, size: 12, isBold: true)
            .Text("5. Financiele consequenties, gevolgen voor regeldruk, concurrentiekracht en", 72, 740, isBold: true)
            .Text("geopolitieke aspecten", 90, 722.5, isBold: true)
            .Lines(700, Sentence)
            .Text("a) Consequenties EU-begroting", 72, 670, isItalic: true)
            .Text("Gevolgen voor de lidstaten", 72, 652.5, isItalic: true)
            .Lines(630, Sentence);

        var letter = Parse(pdf);

        Assert.Equal([(1, "5. Financiele consequenties, gevolgen voor regeldruk, concurrentiekracht en geopolitieke aspecten"),
            (2, "a) Consequenties EU-begroting"), (3, "Gevolgen voor de lidstaten")], Headings(letter));
    }

    [Fact]
    public void Parse_SignatureBarcodeAndTableOfContents_AreNoHeadings()
    {
        var pdf = new TestPdf().Page()
            .Text("Advies over het wetsvoorstel digitale overheid", 72, 780, size: 12, isBold: true)
            .Text("Inhoudsopgave", 72, 750, isBold: true)
            .Text("1. Inleiding .................................................. 1", 72, 734)
            .Text("2. Procedureverloop ........................................ 1", 72, 720)
            .Text("1. Inleiding", 72, 690, isBold: true).Lines(670, Sentence)
            .Text("2. Procedureverloop", 72, 640, isBold: true).Lines(620, Sentence)
            .Text("*0268226*", 72, 590, isBold: true)
            .Text("De vicepresident van de Raad van State,", 72, 560, isBold: true)
            .Text("Th. C. de Graaf", 72, 546, isBold: true);

        var letter = Parse(pdf);

        Assert.Equal([(1, "1. Inleiding"), (1, "2. Procedureverloop")], Headings(letter));
        var text = string.Join(" ", letter.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Text));
        Assert.Contains("De vicepresident van de Raad van State, Th. C. de Graaf", text, StringComparison.Ordinal);
        Assert.DoesNotContain("......", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Inhoudsopgave", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnderlinedLabelOpeningParagraphs_AtPageTopsToo_IsKeptWithItsParagraph()
    {
        var pdf = new TestPdf();
        for (var page = 1; page <= 3; page++)
        {
            pdf.Page().Underlined("Reactie:", 72, 760).Lines(740, Sentence).Lines(700, "De Afdeling adviseert het voorstel aan te passen.");
        }

        var letter = Parse(pdf);

        Assert.Empty(Headings(letter));
        var opened = letter.Sections.SelectMany(s => s.Paragraphs).Where(p => p.Text.StartsWith("Reactie: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, opened.Count);
        Assert.All(opened, p => Assert.Equal("Reactie: " + Sentence, p.Text));
    }

    [Fact]
    public void Parse_LabelsInTheLeftMargin_OpenTheirParagraphs()
    {
        var pdf = new TestPdf().Page();
        var y = 760.0;
        foreach (var (label, text) in new[] { ("Zaak:", "Brief regering over de voortgang van het programma."), ("Besluit:", "Betrekken bij de verdere behandeling.") })
        {
            pdf.Text(label, 40, y, size: 9).Text(text + " Deze zin maakt de regel lang genoeg voor de kolom.", 150, y);
            y -= 40;
        }

        var paragraphs = Parse(pdf).Sections.SelectMany(s => s.Paragraphs).Select(p => p.Text).ToList();

        Assert.Contains(paragraphs, p => p.StartsWith("Zaak: Brief regering", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Besluit: Betrekken", StringComparison.Ordinal));
    }

    private static List<(int Level, string Heading)> Headings(Letter letter) =>
        letter.Sections.Where(s => s.Heading is not null).Select(s => (s.Level, s.Heading!)).ToList();

    private static Letter Parse(TestPdf pdf) => new LetterParser().Parse(pdf.Build(), "test.pdf", "0").Letter;

    /// <summary>A letter laid out top to bottom: a title, then headings and paragraphs, onto new pages as needed.</summary>
    private sealed class Document
    {
        private readonly TestPdf pdf = new();
        private double y = 780;

        public Document(string title)
        {
            pdf.Page().Text(title, 72, y, size: 12, isBold: true);
            y -= 40;
        }

        public Document Heading(string text, bool bold = false, bool italic = false)
        {
            Room(60);
            pdf.Text(text, 72, y, isBold: bold, isItalic: italic);
            y -= 22;
            return this;
        }

        public Document Underlined(string text, bool asBar = false)
        {
            Room(60);
            pdf.Underlined(text, 72, y, asBar: asBar);
            y -= 22;
            return this;
        }

        public Document Text()
        {
            Room(40);
            pdf.Lines(y, Sentence, Sentence);
            y -= 50;
            return this;
        }

        public Letter Parse() => HeadingStructureTests.Parse(pdf);

        private void Room(double needed)
        {
            if (y - needed < 80)
            {
                pdf.Page();
                y = 780;
            }
        }
    }
}
