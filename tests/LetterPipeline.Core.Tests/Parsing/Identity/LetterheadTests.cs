using LetterPipeline.Core.Model;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Parsing.Identity;

/// <summary>The letterhead read as labelled fields, on letters built in the test in the layouts ministries use.</summary>
public sealed class LetterheadTests
{
    private static readonly string[] Body =
    [
        "Met deze brief wordt u geinformeerd over de voortgang op een viertal onderwerpen.",
        "Hiermee wordt uitvoering gegeven aan drie toezeggingen en een motie van de Kamer.",
        "Deze brief stuur ik u mede namens de minister van Sociale Zaken en Werkgelegenheid.",
    ];

    [Fact]
    public void Parse_RijkshuisstijlLetter_ReadsEveryFieldAndKeepsThemOutOfTheBody()
    {
        var letter = Parse(Rijkshuisstijl(new TestPdf().Page()).Lines(430, Body));

        Assert.Equal(LetterKind.Letter, letter.Kind);
        Assert.Equal(new Letterhead(
            Sender: "Ministerie van Infrastructuur en Waterstaat",
            Addressee: "De voorzitter van de Tweede Kamer der Staten-Generaal",
            Subject: "Voortgang van de verzamelbrief over de luchtvaart en de drones",
            Reference: "IENW/BSK-2023/297705",
            YourReference: "2023Z12345",
            Attachments: "2",
            Contact: "mr. J. de Vries"), letter.Letterhead);
        Assert.Equal(new DateOnly(2023, 10, 18), letter.Date);
        Assert.Equal(letter.Letterhead!.Subject, letter.Title); // no printed title: the Betreft stands for it
        var paragraphs = letter.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Text).ToList();
        Assert.Equal("Geachte voorzitter,", paragraphs[0]);
        Assert.Equal(2, paragraphs.Count);
    }

    [Fact]
    public void Parse_LabelAndValueOnOneLine_ReadsOlderHouseStyle()
    {
        var pdf = new TestPdf().Page()
            .Text("Aan de Voorzitter van de Tweede Kamer", 80, 678, size: 9)
            .Text("der Staten-Generaal", 80, 666, size: 9)
            .Text("Postbus 20018", 80, 654, size: 9)
            .Text("2500 EA DEN HAAG", 80, 642, size: 9)
            .Text("Ons kenmerk", 468, 559, size: 6.5, isBold: true)
            .Text("5687928/11", 468, 550, size: 6.5)
            .Text("Datum 1 maart 2011", 80, 547, size: 9)
            .Text("Onderwerp Draagmoederschap", 80, 535, size: 9)
            .Lines(510, Body);

        var letter = Parse(pdf);

        Assert.Equal(("Draagmoederschap", "5687928/11", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
            (letter.Letterhead?.Subject, letter.Letterhead?.Reference, letter.Letterhead?.Addressee));
        Assert.Equal(new DateOnly(2011, 3, 1), letter.Date);
        Assert.StartsWith("Met deze brief", letter.Sections[0].Paragraphs[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LabelsAboveTheirValues_ReadsEachColumn()
    {
        var pdf = new TestPdf().Page()
            .Text("De Minister van Volksgezondheid, Welzijn en Sport", 99, 733, size: 11)
            .Text("De heer H.M. De Jonge", 99, 719, size: 11)
            .Text("Postbus 20350", 99, 705, size: 11)
            .Text("2500 EJ Den Haag", 99, 691, size: 11)
            .Text("Datum", 99, 633, size: 14).Text("Ons kenmerk", 227, 633, size: 14)
            .Text("06 augustus 2020", 99, 620, size: 11).Text("z2020-11824", 227, 620, size: 11)
            .Text("Onderwerp", 99, 535, size: 14)
            .Text("Advies op voorafgaande raadpleging", 99, 522, size: 11)
            .Text("Samenvatting", 99, 465, size: 14)
            .Lines(440, Body);

        var letter = Parse(pdf);

        Assert.Equal(("Advies op voorafgaande raadpleging", "z2020-11824", "De Minister van Volksgezondheid, Welzijn en Sport De heer H.M. De Jonge"),
            (letter.Letterhead?.Subject, letter.Letterhead?.Reference, letter.Letterhead?.Addressee));
        Assert.Equal(new DateOnly(2020, 8, 6), letter.Date);
        // "Samenvatting" is the first section's heading, not the letter's title: the Onderwerp is.
        Assert.Equal("Advies op voorafgaande raadpleging", letter.Title);
        Assert.Equal("Samenvatting", letter.Sections[0].Heading);
    }

    [Fact]
    public void Parse_NotaWithColonRows_ReadsAddresseeAndSender()
    {
        var pdf = new TestPdf().Page()
            .Text("Aan: De Minister van Financien", 72, 760)
            .Text("Van: Directie Begrotingszaken", 72, 746)
            .Text("Datum: 3 maart 2023", 72, 732)
            .Text("Betreft: Voorjaarsnota", 72, 718)
            .Lines(680, Body);

        var letter = Parse(pdf);

        Assert.Equal(new Letterhead("Directie Begrotingszaken", "De Minister van Financien", "Voorjaarsnota", null, null, null, null), letter.Letterhead);
        Assert.Equal(new DateOnly(2023, 3, 3), letter.Date);
    }

    [Fact]
    public void Parse_NotitieWithLowercaseLabels_ReadsItsColumnOfLabels()
    {
        var pdf = new TestPdf().Page()
            .Text("Notitie", 129, 697, size: 9, isBold: true)
            .Text("voor", 86, 643, size: 7.5).Text("Minister van Volksgezondheid, Welzijn en Sport", 130, 643, size: 9)
            .Text("datum 12 augustus 2020", 86, 612, size: 9)
            .Text("inzake Juridische analyse van het advies van de Autoriteit", 86, 597, size: 9)
            .Text("inzake de DPIA van de CoronaMelder", 130, 586, size: 9)
            .Text("zaaknr 11014156", 86, 572, size: 9)
            .Text("Managementsamenvatting", 129, 510, size: 9, isBold: true, isItalic: true);
        for (var i = 0; i < Body.Length; i++)
        {
            pdf.Text(Body[i], 129, 495 - (i * 15), size: 9);
        }

        var letter = Parse(pdf);

        Assert.Equal(new Letterhead(null, "Minister van Volksgezondheid, Welzijn en Sport",
            "Juridische analyse van het advies van de Autoriteit inzake de DPIA van de CoronaMelder", "11014156", null, null, null), letter.Letterhead);
        Assert.Equal(new DateOnly(2020, 8, 12), letter.Date);
        Assert.DoesNotContain(letter.Sections.SelectMany(s => s.Paragraphs), p => p.Text.Contains("zaaknr", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SideColumnWithPostalDetailsAndQualifiedLabels_ReadsItsFields()
    {
        var pdf = new TestPdf().Page()
            .Text("> Retouradres Postbus 20401 2500 EK Den Haag", 80, 720, size: 6.5)
            .Text("Directoraat-generaal Klimaat", 467, 706, size: 6.5, isBold: true)
            .Text("en Energie", 467, 698, size: 6.5, isBold: true)
            .Text("De Voorzitter van de Tweede Kamer", 80, 690, size: 9)
            .Text("Bezoekadres", 467, 684, size: 6.5, isBold: true)
            .Text("der Staten-Generaal", 80, 678, size: 9)
            .Text("Bezuidenhoutseweg 73", 467, 676, size: 6.5)
            .Text("Prinses Irenestraat 6", 80, 666, size: 9)
            .Text("2594 AC Den Haag", 467, 668, size: 6.5)
            .Text("2595 BD DEN HAAG", 80, 654, size: 9)
            .Text("Overheidsidentificatienr", 467, 652, size: 6.5, isBold: true)
            .Text("00000001003214369000", 467, 644, size: 6.5)
            .Text("Ons kenmerk", 467, 628, size: 6.5, isBold: true)
            .Text("DGKE-E / 23123456", 467, 620, size: 6.5)
            .Text("Uw brief (kenmerk)", 467, 604, size: 6.5, isBold: true)
            .Text("2023Z01234", 467, 596, size: 6.5)
            .Text("Bijlage(s)", 467, 580, size: 6.5, isBold: true)
            .Text("1", 467, 572, size: 6.5)
            .Text("Datum", 85, 560, size: 9).Text("3 maart 2023", 142, 560, size: 9)
            .Text("Betreft", 85, 548, size: 9).Text("Antwoorden op Kamervragen over de energierekening", 142, 548, size: 9)
            .Text("Geachte voorzitter,", 80, 500, size: 9);
        for (var i = 0; i < Body.Length; i++)
        {
            pdf.Text(Body[i], 80, 476 - (i * 12), size: 9);
        }

        var letter = Parse(pdf);

        Assert.Equal(new Letterhead("Directoraat-generaal Klimaat en Energie", "De Voorzitter van de Tweede Kamer der Staten-Generaal",
            "Antwoorden op Kamervragen over de energierekening", "DGKE-E / 23123456", "2023Z01234", "1", null), letter.Letterhead);
        Assert.Equal(new DateOnly(2023, 3, 3), letter.Date);
        Assert.Equal("Geachte voorzitter,", letter.Sections[0].Paragraphs[0].Text);
    }

    [Fact]
    public void Parse_TwoDifferentReferences_LeavesTheFieldEmptyWithAWarning()
    {
        var pdf = Rijkshuisstijl(new TestPdf().Page()).Text("Ons kenmerk 2023-0000004321", 85, 496, size: 9).Lines(430, Body);

        var result = new LetterParser().Parse(pdf.Build(), "test.pdf", "0");

        Assert.Null(result.Letter.Letterhead!.Reference);
        Assert.Contains(result.Warnings, w => w.Message.Contains("IENW/BSK-2023/297705", StringComparison.Ordinal)
            && w.Message.Contains("2023-0000004321", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DatumThatIsNoDate_LeavesTheDateEmptyWithAWarning()
    {
        var pdf = new TestPdf().Page()
            .Text("Datum", 85, 532, size: 9).Text("[datum invullen]", 142, 532, size: 9)
            .Text("Betreft", 85, 520, size: 9).Text("Voorjaarsnota", 142, 520, size: 9)
            .Text("Den Haag, 3 maart 2023", 72, 490)
            .Lines(430, Body);

        var result = new LetterParser().Parse(pdf.Build(), "test.pdf", "0");

        Assert.Null(result.Letter.Date);
        Assert.Contains(result.Warnings, w => w.Message.Contains("[datum invullen]", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SentenceOpeningWithALabelWord_IsNoLetterhead()
    {
        var pdf = new TestPdf().Page()
            .Text("Beantwoording Kamervragen", 72, 780, size: 12, isBold: true)
            .Lines(740, "Datum van inwerkingtreding is nog niet bekend; de minister informeert de Kamer zodra", "het besluit is genomen.")
            .Lines(700, Body);

        var letter = Parse(pdf);

        Assert.Equal(LetterKind.Other, letter.Kind);
        Assert.Null(letter.Letterhead);
        Assert.Equal("Beantwoording Kamervragen", letter.Title);
        Assert.StartsWith("Datum van inwerkingtreding", letter.Sections[0].Paragraphs[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotaWithoutLabelsInItsTextColumn_ReadsAddresseeAndTheSubjectBesideItsLogo()
    {
        // A beslisnota: "nota" is an image, the subject stands beside it; the side column has the labels.
        var pdf = new TestPdf().Page()
            .Text("Directoraat-generaal", 459, 686, size: 6.5, isBold: true)
            .Text("Bedrijfsleven & Innovatie", 459, 677, size: 6.5, isBold: true)
            .Text("Aan de Minister van Economische Zaken", 78, 661, size: 9)
            .Text("Datum", 459, 599, size: 6.5, isBold: true)
            .Text("30 oktober 2024", 459, 590, size: 6.5)
            .Text("Kenmerk", 459, 577, size: 6.5, isBold: true)
            .Text("DGBI-O / 95900464", 459, 568, size: 6.5)
            .Text("Doorgeleiding werkprogramma 2025 Adviescollege", 187, 558, size: 9)
            .Text("Toetsing Regeldruk (ATR) aan Staten-Generaal", 187, 546, size: 9)
            .Text("TER ONDERTEKENING", 78, 530, size: 9, isBold: true)
            .Text("Parafenroute", 78, 488, size: 6.5, isBold: true)
            .Text("Aanleiding", 78, 408, size: 9, isBold: true);
        for (var i = 0; i < Body.Length; i++)
        {
            pdf.Text(Body[i], 78, 396 - (i * 12), size: 9);
        }


        var letter = Parse(pdf);

        Assert.Equal(("Aan de Minister van Economische Zaken", "Doorgeleiding werkprogramma 2025 Adviescollege Toetsing Regeldruk (ATR) aan Staten-Generaal", "DGBI-O / 95900464"),
            (letter.Letterhead?.Addressee, letter.Letterhead?.Subject, letter.Letterhead?.Reference));
        Assert.Equal(letter.Letterhead!.Subject, letter.Title);
        Assert.Equal("Aanleiding", letter.Sections[0].Heading);
        Assert.StartsWith("Met deze brief", Assert.Single(letter.Sections.SelectMany(s => s.Paragraphs)).Text, StringComparison.Ordinal);
    }

    /// <summary>Page 1 of a rijkshuisstijl letter (positions as in a 2023 ministry letter): Retouradres, address, side column, Datum and Betreft rows.</summary>
    private static TestPdf Rijkshuisstijl(TestPdf pdf) => pdf
        .Text("> Retouradres Postbus 20901 2500 EX Den Haag", 80, 700, size: 6.8)
        .Text("Ministerie van", 467, 681, size: 6.8, isBold: true)
        .Text("De voorzitter van de Tweede Kamer", 80, 678, size: 9)
        .Text("Infrastructuur en", 467, 672, size: 6.8, isBold: true)
        .Text("der Staten-Generaal", 80, 666, size: 9)
        .Text("Waterstaat", 467, 663, size: 6.8, isBold: true)
        .Text("Postbus 20018", 80, 654, size: 9)
        .Text("Rijnstraat 8", 467, 649, size: 6.8)
        .Text("2500 EA DEN HAAG", 80, 642, size: 9)
        .Text("2515 XP Den Haag", 467, 640, size: 6.8)
        .Text("Contactpersoon", 467, 619, size: 6.8, isBold: true)
        .Text("mr. J. de Vries", 467, 611, size: 6.8)
        .Text("Kenmerk", 467, 595, size: 6.8, isBold: true)
        .Text("IENW/BSK-2023/297705", 467, 587, size: 6.8)
        .Text("Uw kenmerk", 467, 571, size: 6.8, isBold: true)
        .Text("2023Z12345", 467, 563, size: 6.8)
        .Text("Bijlage(n)", 467, 547, size: 6.8, isBold: true)
        .Text("2", 467, 539, size: 6.8)
        .Text("Datum", 85, 532, size: 9).Text("18 oktober 2023", 142, 532, size: 9)
        .Text("Betreft", 85, 520, size: 9).Text("Voortgang van de verzamelbrief over de", 142, 520, size: 9)
        .Text("luchtvaart en de drones", 142, 508, size: 9)
        .Text("Geachte voorzitter,", 72, 454);

    private static Letter Parse(TestPdf pdf) => new LetterParser().Parse(pdf.Build(), "test.pdf", "0").Letter;
}
