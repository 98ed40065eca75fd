using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Parsing;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Parsing;

/// <summary>Each parsing stage on small PDFs built in the test.</summary>
public sealed class StageTests
{
    private static readonly string[] Body =
    [
        "Op dinsdag 29 november zal een bijeenkomst van de ministers plaatsvinden in",
        "Boekarest. Naast de dertig bondgenoten zullen ook Finland en Zweden als",
        "genodigden aan alle sessies deelnemen, zoals eerder met uw Kamer gedeeld.",
    ];

    [Fact]
    public void RunningFurniture_RepeatedHeaderAndPageNumbers_AreFurniture()
    {
        var pdf = new TestPdf();
        for (var page = 1; page <= 2; page++)
        {
            pdf.Page().Text("Geannoteerde agenda Eurogroep januari 2023", 72, 800, size: 7.5)
                .Lines(700, Body)
                .Text($"Pagina {page} van 2", 72, 60, size: 7.5);
        }

        var pages = Read(pdf);
        var furniture = RunningFurnitureDetector.Detect(pages);

        Assert.Equal(4, furniture.Count);
        Assert.All(furniture, l => Assert.True(l.Text.StartsWith("Geannoteerde", StringComparison.Ordinal) || l.Text.StartsWith("Pagina", StringComparison.Ordinal)));
    }

    [Fact]
    public void RunningFurniture_DifferentFootnotesLowOnTwoPages_AreNotFurniture()
    {
        var pdf = new TestPdf()
            .Page().Lines(700, Body).Text("5 Kamerstuk 29 521, nr. 450.", 72, 96, size: 8)
            .Page().Lines(700, Body).Text("12 Kamerstuk 36 045, nr. 146.", 72, 96, size: 8);

        Assert.Empty(RunningFurnitureDetector.Detect(Read(pdf)));
    }

    [Fact]
    public void KamerstukIdentity_HeaderBlock_GivesDossierNumberYearAndDate()
    {
        var pdf = new TestPdf().Page()
            .Text("Tweede Kamer der Staten-Generaal", 119, 762, size: 9, isBold: true)
            .Text("Vergaderjaar 2022-2023", 119, 749, size: 9)
            .Text("21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken", 119, 723, size: 9, isBold: true)
            .Text("Nr. 2586 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN", 119, 696, size: 9, isBold: true)
            .Text("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", 119, 670, size: 9)
            .Text("Den Haag, 18 november 2022", 119, 643, size: 9)
            .Lines(600, Body);

        var header = KamerstukIdentityParser.Parse(Read(pdf));

        Assert.NotNull(header.Identity);
        Assert.Equal(("21501-02", "2586", "2022-2023", new DateOnly(2022, 11, 18)),
            (header.Identity.Dossier, header.Identity.Number, header.Identity.Vergaderjaar, header.Identity.Date));
        Assert.Equal("kst-21501-02-2586", header.Identity.Id);
        Assert.Equal(6, header.HeaderLines.Count);
    }

    [Fact]
    public void KamerstukIdentity_FootnoteCitingAnotherPaperInFooterWords_IsNotTheLettersIdentity()
    {
        var pdf = new TestPdf().Page().Lines(700, Body).Text("4Tweede Kamer, vergaderjaar 2022-2023, 26 485, nr. 424", 72, 300, size: 8);

        Assert.Null(KamerstukIdentityParser.Parse(Read(pdf)).Identity);
    }

    [Fact]
    public void LetterParser_ItalicWordsFlushInRunningText_StayInTheParagraph()
    {
        var pdf = new TestPdf().Page()
            .Text("Beantwoording Kamervragen", 72, 780, size: 12, isBold: true)
            .Text("Exportkredietverzekeringen", 72, 740, isBold: true)
            .Lines(720, "Afgifte van een exportkredietverzekering is alleen mogelijk als het project voldoet aan")
            .Text("de Performance Standards en de Guiding Principles on", 72, 706, isItalic: true)
            .Lines(692, "Business and Human Rights, zoals eerder met uw Kamer gedeeld.");

        var letter = Parse(pdf.Build()).Letter;

        Assert.Equal("Beantwoording Kamervragen", letter.Title);
        var section = Assert.Single(letter.Sections);
        Assert.Equal("Exportkredietverzekeringen", section.Heading);
        Assert.Contains("voldoet aan de Performance Standards en de Guiding Principles on Business and Human Rights", Assert.Single(section.Paragraphs).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LetterDate_SideColumnDatum_IsTheValueBelowTheLabel()
    {
        var pdf = new TestPdf().Page()
            .Text("Datum", 448, 666).Lines(657, Body).Text("6 januari 2023", 448, 654).Text("Kenmerk", 448, 642).Text("2023-0000004321", 448, 630);

        var letter = Parse(pdf.Build()).Letter;

        Assert.Equal(new DateOnly(2023, 1, 6), letter.Date);
        Assert.DoesNotContain(letter.Sections.SelectMany(s => s.Paragraphs), p => p.Text.Contains("januari", StringComparison.Ordinal));
    }

    [Fact]
    public void LetterDate_DatumBesideItsValue_IsRead()
    {
        var pdf = new TestPdf().Page().Text("Datum", 80, 720).Text("1 maart 2011", 138, 720).Lines(690, Body);

        Assert.Equal(new DateOnly(2011, 3, 1), Parse(pdf.Build()).Letter.Date);
    }

    [Fact]
    public void LetterDate_PlaceAndDateLine_IsRead() =>
        Assert.Equal(new DateOnly(2009, 4, 3), Parse(new TestPdf().Page().Text("Den Haag, 3 april 2009", 72, 760).Lines(700, Body).Build()).Letter.Date);

    [Fact]
    public void LetterDate_NoneWithoutADatePrinted_IsNull() =>
        Assert.Null(Parse(new TestPdf().Page().Lines(700, Body).Build()).Letter.Date);

    [Fact]
    public void KamerstukIdentity_PlainLetter_IsNull() =>
        Assert.Null(KamerstukIdentityParser.Parse(Read(new TestPdf().Page().Lines(700, Body))).Identity);

    [Fact]
    public void FootnoteZone_NumberedSmallLinesAtTheBottom_AreFootnotesContinuedOverThePage()
    {
        var pdf = new TestPdf()
            .Page().Lines(700, Body)
            .Text("1Zie Kamerstuk 36 045, nr. 121.", 72, 110, size: 8)
            .Text("2Zie onder meer de brief over de inzet van het kabinet bij de onderhandelingen over het", 72, 100, size: 8)
            .Page().Lines(700, Body)
            .Text("migratiepact (Kamerstuk 32 317, nr. 780).", 83, 100, size: 8);
        var pages = Read(pdf);

        var (footnotes, zone) = FootnoteZone.Extract(pages, new HashSet<TextLine>(), BodyStyle.Measure(pages));

        Assert.Equal(["1", "2"], footnotes.Select(f => f.Number));
        Assert.Equal(2, footnotes[1].Lines.Count);
        Assert.Equal(1, footnotes[1].Page);
        Assert.Equal(3, zone.Count);
    }

    [Fact]
    public void FootnoteZone_SmallTableWithoutNumbers_IsNotAFootnote()
    {
        var pdf = new TestPdf().Page().Lines(700, Body)
            .Text("Meldingen per jaar", 72, 130, size: 7)
            .Text("Grond 2021 2022", 72, 120, size: 7)
            .Text("Totaal 12 17", 72, 110, size: 7);
        var pages = Read(pdf);

        var (footnotes, zone) = FootnoteZone.Extract(pages, new HashSet<TextLine>(), BodyStyle.Measure(pages));

        Assert.Empty(footnotes);
        Assert.Empty(zone);
    }

    [Fact]
    public void LetterParser_NumberedHeadings_NestByTheirNumbering()
    {
        var pdf = new TestPdf().Page()
            .Text("Voortgangsbrief steun aan Oekraine", 72, 780, size: 12, isBold: true)
            .Text("1. Inleiding", 72, 750, isBold: true).Lines(730, Body)
            .Text("2. Militaire steun", 72, 670, isBold: true).Lines(650, Body)
            .Text("2.1 Leveringen", 72, 590, isItalic: true).Lines(570, Body);

        var letter = Parse(pdf.Build()).Letter;

        Assert.Equal("Voortgangsbrief steun aan Oekraine", letter.Title);
        Assert.Equal([(1, "1. Inleiding"), (1, "2. Militaire steun"), (2, "2.1 Leveringen")],
            letter.Sections.Select(s => (s.Level, s.Heading!)));
        Assert.All(letter.Sections, s => Assert.Equal(string.Join(" ", Body), Assert.Single(s.Paragraphs).Text));
    }

    [Fact]
    public void LetterParser_SentenceEndingOnAShortLineWithoutSpacing_EndsTheParagraph()
    {
        var pdf = new TestPdf().Page().Lines(700, [.. Body, "Dat is afgesproken.", "Het kabinet steunt de inzet van het voorzitterschap, zoals eerder met uw Kamer gedeeld."]);

        var paragraphs = Parse(pdf.Build()).Letter.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Text).ToList();

        Assert.Equal([string.Join(" ", [.. Body, "Dat is afgesproken."]), "Het kabinet steunt de inzet van het voorzitterschap, zoals eerder met uw Kamer gedeeld."], paragraphs);
    }

    [Fact]
    public void LetterParser_IndentedFirstLineWithoutSpacing_StartsAParagraph()
    {
        var pdf = new TestPdf().Page().Lines(700, Body).Text("Het kabinet steunt de inzet van het voorzitterschap, zoals eerder met", 90, 658)
            .Lines(644, "uw Kamer gedeeld in de brief over de prioriteiten van het voorzitterschap.");

        var paragraphs = Parse(pdf.Build()).Letter.Sections.SelectMany(s => s.Paragraphs).ToList();

        Assert.Equal(2, paragraphs.Count);
        Assert.StartsWith("Het kabinet steunt", paragraphs[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LetterParser_BulletLines_AreListItems()
    {
        var pdf = new TestPdf().Page()
            .Lines(700, "De prioriteiten zijn onder meer:")
            .Text("- de herziening van het economisch bestuur;", 78, 686)
            .Text("- de voltooiing van de kapitaalmarktunie.", 78, 672)
            .Lines(658, "Het kabinet verwelkomt deze prioriteiten en de inzet van het voorzitterschap.");

        var paragraphs = Parse(pdf.Build()).Letter.Sections.SelectMany(s => s.Paragraphs).ToList();

        Assert.Equal([false, true, true, false], paragraphs.Select(p => p.ListItem));
        Assert.Equal("de herziening van het economisch bestuur;", paragraphs[1].Text);
    }

    private static ParseResult Parse(byte[] pdf) => new LetterParser().Parse(pdf, "test.pdf", "0");

    private static List<PageLines> Read(TestPdf pdf) => TestPdf.Pages(pdf.Build()).Select(LineBuilder.Build).ToList();
}
