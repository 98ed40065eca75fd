using LetterPipeline.Tracking;

namespace LetterPipeline.Tests.Tracking;

/// <summary>OWASP CSV injection: a cell a spreadsheet would evaluate gets a leading apostrophe, and is quoted.</summary>
public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"klik\")", "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"klik\"\")\"")]
    [InlineData("+31 70 123", "\"'+31 70 123\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1:A9)", "\"'@SUM(A1:A9)\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void Cell_FormulaStart_IsNeutralisedAndQuoted(string text, string expected) =>
        Assert.Equal(expected, CsvCells.Cell(text));

    [Theory]
    [InlineData("Kamerstuk 36 045, nr. 121", "\"Kamerstuk 36 045, nr. 121\"")]
    [InlineData("zegt \"nee\"", "\"zegt \"\"nee\"\"\"")]
    [InlineData("kst-36045-121", "kst-36045-121")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Cell_PlainText_IsQuotedOnlyWhenRfc4180AsksIt(string text, string expected) =>
        Assert.Equal(expected, CsvCells.Cell(text));

    [Theory]
    [InlineData("Kamerstuk 36 045, nr. 121", "Kamerstuk 36 045, nr. 121")]
    [InlineData("nrs. 98; 99", "\"nrs. 98; 99\"")]
    [InlineData("=1;2", "\"'=1;2\"")]
    public void Cell_SemicolonSeparated_QuotesSemicolonsNotCommasAndStillNeutralises(string text, string expected) =>
        Assert.Equal(expected, CsvCells.Cell(text, ';'));

    [Fact]
    public void Cell_ComputedNegativeNumber_StaysANumber() => Assert.Equal("-3", CsvCells.Cell(-3));
}
