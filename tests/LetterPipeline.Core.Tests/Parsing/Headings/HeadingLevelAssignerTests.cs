using LetterPipeline.Core.Parsing.Headings;

namespace LetterPipeline.Core.Tests.Parsing.Headings;

/// <summary>The level rules on headings given as text and typeface, one typeface unless a test says otherwise.</summary>
public sealed class HeadingLevelAssignerTests
{
    private static readonly HeadingTypography Bold = new(10, true, false, false);
    private static readonly HeadingTypography Italic = new(10, false, true, false);
    private static readonly HeadingTypography Underlined = new(10, false, false, true);
    private static readonly HeadingTypography Large = new(14, true, false, false);

    [Fact]
    public void Assign_RomanArabicDottedAndLetters_InOneTypeface_NestByNumbering()
    {
        var levels = Levels(Bold, "I. Algemeen", "1. Inleiding", "1.1 Aanleiding", "a. Eerste punt", "b. Tweede punt", "1.2 Doel",
            "2. Hoofdlijnen", "II. Artikelsgewijs", "1. Onderdeel A");

        Assert.Equal([1, 2, 3, 4, 4, 3, 2, 1, 2], levels);
    }

    [Fact]
    public void Assign_ArabicChaptersWithRomanPartsInside_NestInTheOrderFirstUsed()
    {
        // The contourennota: chapter 2 lists parts I–VI; a "Bijlage" opens an outline of its own.
        var levels = Levels(Bold, "1. Inleiding", "2. Doel en hoofdlijnen", "I. Gemeentelijke exploitatie", "II. Coördinatiemechanisme",
            "3. Toelichting", "Bijlage I samenhangend pakket", "Inleiding", "Terugkeer");

        Assert.Equal([1, 1, 2, 2, 1, 1, 2, 2], levels);
    }

    [Fact]
    public void Assign_Bill_GivesEachUsedDivisionOneLevelAndEveryArtikelTheSame()
    {
        var levels = Levels(Bold, "HOOFDSTUK 1 ALGEMEEN", "Artikel 1.1 Begrippen", "HOOFDSTUK 2 TOEZICHT", "Afdeling 2.1 Aanwijzing",
            "Artikel 2.1 Toezichthouders", "Afdeling 2.2 Handhaving", "§ 1 Bestuursdwang", "Artikel 2.2 Last onder bestuursdwang",
            "HOOFDSTUK 3 SLOT", "Artikel 3.1 Inwerkingtreding");

        Assert.Equal([1, 4, 1, 2, 4, 2, 3, 4, 1, 4], levels);
    }

    [Fact]
    public void Assign_MemorandumArticlesUnderAPart_AreOneLevelBelowIt()
    {
        var ranks = new[] { Rank("I. Algemeen deel", Bold), Rank("1. Inleiding", Bold), Rank("1.1 Aanleiding", Italic),
            Rank("II. Artikelsgewijze toelichting", Bold), Rank("Artikel 3", new HeadingTypography(10, false, false, false)), Rank("III. Overig", Bold) };

        Assert.Equal([1, 2, 3, 1, 2, 1], HeadingLevelAssigner.Assign(ranks));
    }

    [Fact]
    public void Assign_UnnumberedHeadings_RankByTypography()
    {
        var ranks = new[] { Rank("Eurogroep", Large), Rank("Digitale euro", Bold), Rank("Toezicht", Italic), Rank("Gebiedsprocessen", Underlined),
            Rank("Ecofinraad", Large), Rank("Bankenunie", Bold), Rank("Vergunningverlening", Underlined) };

        Assert.Equal([1, 2, 3, 4, 1, 2, 4], HeadingLevelAssigner.Assign(ranks));
    }

    [Fact]
    public void Assign_SeriesInAnotherTypeface_KeepsTheSeriesRank()
    {
        // kst-35538-4 prints chapter 2 bold among italic chapters.
        var ranks = new[] { Rank("1. Inleiding", Italic), Rank("2. Noodzaak", Bold), Rank("3. Gegevensbescherming", Italic), Rank("a. Doel", Italic) };

        Assert.Equal([1, 1, 1, 2], HeadingLevelAssigner.Assign(ranks));
    }

    [Fact]
    public void Assign_LetterAfterLetters_IsNoRomanNumber()
    {
        var levels = Levels(Bold, "A. Beschrijving", "1. Voorstel", "B. Beoordeling", "2. Rechtsgrond", "C. Risico’s", "3. Risico’s", "D. Maatregelen");

        Assert.Equal([1, 2, 1, 2, 1, 2, 1], levels);
    }

    [Fact]
    public void Assign_RanksKeepTheirLevelThroughTheDocument()
    {
        var ranks = new[] { Rank("Samenvatting", Bold), Rank("1. Inleiding", Bold), Rank("Achtergrond", Italic), Rank("2. Aanpak", Bold), Rank("Uitvoering", Italic) };

        Assert.Equal([1, 1, 2, 1, 2], HeadingLevelAssigner.Assign(ranks));
    }

    private static int[] Levels(HeadingTypography typography, params string[] headings) =>
        HeadingLevelAssigner.Assign(headings.Select(h => Rank(h, typography)).ToList());

    private static HeadingRank Rank(string text, HeadingTypography typography) => new(NumberingScheme.Read(text), typography);
}
