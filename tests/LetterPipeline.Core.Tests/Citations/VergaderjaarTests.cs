using LetterPipeline.Core.Citations;

namespace LetterPipeline.Core.Tests.Citations;

public sealed class VergaderjaarTests
{
    [Theory]
    [InlineData("2023-05-25", "2022-2023")]
    [InlineData("2023-09-18", "2022-2023")] // the day before Prinsjesdag 2023
    [InlineData("2023-09-19", "2023-2024")] // Prinsjesdag 2023: the third Tuesday of September
    [InlineData("2024-09-16", "2023-2024")]
    [InlineData("2024-09-17", "2024-2025")] // Prinsjesdag 2024
    [InlineData("2020-09-15", "2020-2021")] // Prinsjesdag 2020 (September 1 was a Tuesday)
    [InlineData("2021-01-02", "2020-2021")]
    public void Of_SittingDate_IsTheVergaderjaarOpenedOnTheThirdTuesdayOfSeptember(string date, string vergaderjaar)
    {
        Assert.Equal(vergaderjaar, Vergaderjaar.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
