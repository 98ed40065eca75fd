namespace LetterPipeline.Evaluation.Tests;

public sealed class RatioTests
{
    [Theory]
    [InlineData(1, 160, 0.0063)]   // 0.00625 is stored as 0.0062500000000000003…: rounds up; x·10⁴ in doubles is 62.5 → 62
    [InlineData(3, 160, 0.0187)]   // 0.01875 is stored as 0.018749999…: rounds down; x·10⁴ in doubles gives 188
    [InlineData(3, 20000, 0.0001)] // 0.00015 is stored as 0.000149999…
    [InlineData(1, 3, 0.3333)]
    [InlineData(2, 3, 0.6667)]
    [InlineData(343, 344, 0.9971)]
    [InlineData(7, 7, 1.0)]
    [InlineData(0, 7, 0.0)]
    public void Of_RatioToFourDecimals_RoundsTheQuotientsExactValue(long hits, long total, double expected)
    {
        Assert.Equal(expected, Ratio.Of(hits, total));
    }

    [Fact]
    public void Of_ExactTie_RoundsToEven()
    {
        Assert.Equal(0.2812, Ratio.Of(9, 32)); // 0.28125 is exact in binary
        Assert.Equal(0.0312, Ratio.Of(1, 32));
    }

    [Fact]
    public void Of_NothingCounted_IsNull()
    {
        Assert.Null(Ratio.Of(0, 0));
    }

    [Theory]
    [InlineData(1.0, true, "1.0")]
    [InlineData(0.0, true, "0.0")]
    [InlineData(0.9662, true, "0.9662")]
    [InlineData(0.25, true, "0.25")]
    [InlineData(0.0001, true, "0.0001")]
    [InlineData(12, false, "12")]
    [InlineData(-1, false, "-1")]
    public void FormattedValue_PrintsLikeTheReferenceScripts(double value, bool isRatio, string expected)
    {
        Assert.Equal(expected, new Figure("x", value, isRatio).FormattedValue);
    }
}
