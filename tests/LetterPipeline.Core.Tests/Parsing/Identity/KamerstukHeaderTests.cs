using LetterPipeline.Core.Model;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Parsing.Identity;

/// <summary>The Kamerstuk header block read as rows, on prints built in the test.</summary>
public sealed class KamerstukHeaderTests
{
    private static readonly string[] Body =
    [
        "Hierbij bied ik u, mede namens de Minister van Buitenlandse Zaken, de voortgangsbrief",
        "aan over de afhandeling van verzoeken op grond van de Wet open overheid. In deze brief",
        "ga ik in op de doorlooptijden, de achterstanden en de maatregelen van het kabinet.",
    ];

    [Theory]
    [InlineData(119)] // the second line under "Nr."
    [InlineData(158)] // the second line under the kind's first word
    public void Parse_DocumentKindOverTwoLines_KeepsKindTitleAndDate(double secondLineLeft)
    {
        var pdf = new TestPdf().Page()
            .Text("Tweede Kamer der Staten-Generaal", 119, 762, size: 9, isBold: true)
            .Text("Vergaderjaar 2022-2023", 119, 749, size: 9)
            .Text("28 362 Open overheid", 119, 723, size: 9, isBold: true)
            .Text("Nr. 1505 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN", 119, 696, size: 9, isBold: true)
            .Text("KONINKRIJKSRELATIES", secondLineLeft, 684, size: 9, isBold: true)
            .Text("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", 119, 658, size: 9)
            .Text("Den Haag, 3 maart 2023", 119, 631, size: 9)
            .Text("Voortgangsbrief Woo-verzoeken", 119, 604, size: 10, isBold: true)
            .Text("Inleiding", 119, 567, size: 10, isBold: true);
        for (var i = 0; i < Body.Length; i++)
        {
            pdf.Text(Body[i], 119, 547 - (i * 15));
        }

        var letter = new LetterParser().Parse(pdf.Build(), "test.pdf", "0").Letter;

        Assert.Equal(LetterKind.Kamerstuk, letter.Kind);
        Assert.Equal("Voortgangsbrief Woo-verzoeken", letter.Title);
        Assert.Equal(new DateOnly(2023, 3, 3), letter.Date);
        Assert.Equal(("28362", "1505", "Open overheid", "BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES"),
            (letter.Kamerstuk?.Dossier, letter.Kamerstuk?.Number, letter.Kamerstuk?.DossierTitle, letter.Kamerstuk?.DocumentKind));
        Assert.Equal("kst-28362-1505", letter.PublicationId);
        Assert.Equal("Inleiding", letter.Sections[0].Heading);
    }

    [Theory]
    [InlineData("Inleiding")]
    [InlineData("1. Aanleiding")]
    public void Parse_LetterOpeningWithASectionHeading_HasNoTitleAndKeepsTheHeading(string heading)
    {
        var pdf = new TestPdf().Page()
            .Text("Tweede Kamer der Staten-Generaal", 119, 762, size: 9, isBold: true)
            .Text("Vergaderjaar 2022-2023", 119, 749, size: 9)
            .Text("28 362 Open overheid", 119, 723, size: 9, isBold: true)
            .Text("Nr. 1505 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN", 119, 696, size: 9, isBold: true)
            .Text("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", 119, 670, size: 9)
            .Text("Den Haag, 3 maart 2023", 119, 643, size: 9)
            .Text(heading, 119, 604, size: 10, isBold: true);
        for (var i = 0; i < Body.Length; i++)
        {
            pdf.Text(Body[i], 119, 584 - (i * 15));
        }

        var letter = new LetterParser().Parse(pdf.Build(), "test.pdf", "0").Letter;

        Assert.Null(letter.Title);
        Assert.Equal((1, heading), (letter.Sections[0].Level, letter.Sections[0].Heading));
        Assert.StartsWith("Hierbij bied ik u", letter.Sections[0].Paragraphs[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PrintWithTitlesBesideTheNumbers_JoinsDossierTitleAndReadsOntvangen()
    {
        // The print's two columns: numbers at the left margin, titles beside them.
        var pdf = new TestPdf().Page()
            .Text("Tweede Kamer der Staten-Generaal", 37, 727, size: 18, isBold: true)
            .Text("Vergaderjaar 2023-2024", 37, 670, size: 9.6)
            .Text("36 450", 37, 618, size: 12.3, isBold: true)
            .Text("Regels omtrent de instelling van het", 203, 618, size: 12.3, isBold: true)
            .Text("Adviescollege toetsing regeldruk", 203, 605, size: 12.3, isBold: true)
            .Text("Nr. 6", 37, 511, size: 9.1, isBold: true)
            .Text("NOTA NAAR AANLEIDING VAN HET VERSLAG", 203, 511, size: 9.1, isBold: true)
            .Text("Ontvangen 27 maart 2024", 203, 500, size: 9.1);
        for (var i = 0; i < Body.Length; i++)
        {
            pdf.Text(Body[i], 203, 479 - (i * 11), size: 9.1);
        }

        var letter = new LetterParser().Parse(pdf.Build(), "test.pdf", "0").Letter;

        Assert.Equal(("Regels omtrent de instelling van het Adviescollege toetsing regeldruk", "NOTA NAAR AANLEIDING VAN HET VERSLAG"),
            (letter.Kamerstuk?.DossierTitle, letter.Kamerstuk?.DocumentKind));
        Assert.Equal(new DateOnly(2024, 3, 27), letter.Date);
        Assert.Null(letter.Title); // a nota prints no title of its own
        Assert.DoesNotContain(letter.Sections.SelectMany(s => s.Paragraphs), p => p.Text.Contains("Ontvangen", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Motion_IsTitledByItsMotieLine()
    {
        var pdf = new TestPdf().Page()
            .Text("Tweede Kamer der Staten-Generaal", 37, 727, size: 18, isBold: true)
            .Text("Vergaderjaar 2020-2021", 37, 670, size: 9.6)
            .Text("32 545", 37, 618, size: 12.3, isBold: true)
            .Text("Wet- en regelgeving financiele markten", 203, 618, size: 12.3, isBold: true)
            .Text("Nr. 143", 37, 524, size: 9.1, isBold: true)
            .Text("MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS", 203, 524, size: 9.1, isBold: true)
            .Text("Voorgesteld 6 juli 2021", 203, 513, size: 9.1)
            .Text("De Kamer,", 203, 492, size: 9.1)
            .Text("gehoord de beraadslaging,", 203, 471, size: 9.1);

        var letter = new LetterParser().Parse(pdf.Build(), "test.pdf", "0").Letter;

        Assert.Equal("MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS", letter.Title);
        Assert.Equal(new DateOnly(2021, 7, 6), letter.Date);
    }

    [Fact]
    public void Parse_HeaderWithoutMasthead_StillReadsDossierKindAndDate()
    {
        // The Kamer's notification of a print: the same rows, without "Tweede Kamer der Staten-Generaal" above them.
        var pdf = new TestPdf().Page()
            .Text("29 338", 71, 760, size: 12, isBold: true).Text("Wetenschapsbudget", 177, 760, size: 12, isBold: true)
            .Text("Nr. 289 Verslag van een schriftelijk overleg", 71, 729, size: 12, isBold: true)
            .Text("Vastgesteld 16 januari 2024", 142, 714, size: 12);
        for (var i = 0; i < Body.Length; i++)
        {
            pdf.Text(Body[i], 71, 669 - (i * 15));
        }

        var letter = new LetterParser().Parse(pdf.Build(), "test.pdf", "0").Letter;

        Assert.Equal(LetterKind.Kamerstuk, letter.Kind);
        Assert.Equal(("Wetenschapsbudget", "Verslag van een schriftelijk overleg", "kst-29338-289"),
            (letter.Kamerstuk?.DossierTitle, letter.Kamerstuk?.DocumentKind, letter.PublicationId));
        Assert.Equal(new DateOnly(2024, 1, 16), letter.Date);
    }

    [Fact]
    public void Parse_MotionSheet_IsTitledByItsMotieLine()
    {
        var pdf = new TestPdf().Page()
            .Text("Wijziging van de Wet Huis voor klokkenluiders en enige andere wetten", 28, 785, size: 9)
            .Text("MOTIE VAN DE LEDEN CHAKOR EN VAN NISPEN", 28, 757)
            .Text("De Kamer,", 95, 613, size: 12)
            .Text("gehoord de beraadslaging,", 95, 585, size: 12)
            .Text("verzoekt de regering om het Huis voor Klokkenluiders de centrale rol te geven,", 95, 556, size: 12);

        var letter = new LetterParser().Parse(pdf.Build(), "test.pdf", "0").Letter;

        Assert.Equal("MOTIE VAN DE LEDEN CHAKOR EN VAN NISPEN", letter.Title);
        Assert.DoesNotContain(letter.Sections.SelectMany(s => s.Paragraphs), p => p.Text.Contains("MOTIE", StringComparison.Ordinal));
    }
}
