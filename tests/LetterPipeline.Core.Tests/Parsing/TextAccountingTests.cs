using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Parsing;

namespace LetterPipeline.Core.Tests.Parsing;

public sealed class TextAccountingTests
{
    private static TextLine Line(string text, double baseline = 700, params LineMarker[] markers) => new(1, 72, 500, baseline, 10, false, false, text, markers);

    private static PageLines Page(IReadOnlyList<TextLine> lines, int glyphs, IReadOnlyList<TextLine>? across = null) =>
        new(1, 595, 842, lines) { GlyphCount = glyphs, Across = across ?? [] };

    [Fact]
    public void Account_ContentAndFurniture_AllPlacedAndFurnitureListed()
    {
        var body = Line("Het kabinet steunt Oekraïne.", 700, new LineMarker("1", 28));
        var header = Line("Pagina 1 van 2", 800);
        var aside = new SetAsideLines();
        aside.Add([header], FurnitureKinds.PageNumber);

        var account = TextAccounting.Account([Page([header, body], glyphs: "Pagina1van2".Length + "HetkabinetsteuntOekraïne.1".Length)], Content(body), aside);

        Assert.Equal(1.0, account.Coverage);
        Assert.Equal([new FurnitureLine(1, FurnitureKinds.PageNumber, "Pagina 1 van 2")], account.Furniture);
        Assert.Empty(account.Warnings);
    }

    [Fact]
    public void Account_LineNobodyPlaced_IsAWarningWithItsPageAndWords()
    {
        var body = Line("Het kabinet steunt Oekraïne.");
        var stray = Line("Stempel ingekomen 12 maart", 650);

        var (placed, unplaced) = (TextAccounting.GlyphCount(body), TextAccounting.GlyphCount(stray));

        var account = TextAccounting.Account([Page([body, stray], glyphs: placed + unplaced)], Content(body), new SetAsideLines());

        Assert.Equal(Math.Round((double)placed / (placed + unplaced), 4), account.Coverage);
        var warning = Assert.Single(account.Warnings);
        Assert.Equal((1, QualityFlags.TextUnplaced), (warning.Page, warning.Code));
        Assert.Contains("“Stempel ingekomen 12 maart”", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_GlyphsInNoLine_CountAgainstCoverage()
    {
        var body = Line("Tekst.");

        var account = TextAccounting.Account([Page([body], glyphs: 12)], Content(body), new SetAsideLines());

        Assert.Equal(0.5, account.Coverage);
        Assert.Contains("6 glyph(s) on page 1 were not read into any line", Assert.Single(account.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_RunningTextSetAsideBesideTheColumn_IsPlacedButWarnedAbout()
    {
        var column = Enumerable.Range(0, 8).Select(i => Line($"Lorem ipsum dolor sit amet, consectetur adipiscing {i}", 700 - (12 * i))).ToList();
        var aside = new SetAsideLines();
        aside.Add(column, FurnitureKinds.MarginLabel);

        var account = TextAccounting.Account([Page(column, glyphs: column.Sum(TextAccounting.GlyphCount))], Content(), aside);

        Assert.Equal(1.0, account.Coverage);
        Assert.Equal(QualityFlags.TextSetAside, Assert.Single(account.Warnings).Code);
    }

    [Fact]
    public void Quote_LongText_CutsAtAWordWithEllipsis()
    {
        var quote = TextAccounting.Quote("De Afdeling advisering van de Raad van State gaat allereerst in op de noodzaak voor een wettelijke grondslag.");

        Assert.EndsWith("…", quote, StringComparison.Ordinal);
        Assert.True(quote.Length <= 61);
        Assert.StartsWith("De Afdeling advisering", quote, StringComparison.Ordinal);
    }

    private static HashSet<TextLine> Content(params TextLine[] lines) => new(lines, ReferenceEqualityComparer.Instance);
}
