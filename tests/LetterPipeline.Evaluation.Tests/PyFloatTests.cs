
namespace LetterPipeline.Evaluation.Tests;

public sealed class PyFloatTests
{
    [Theory]
    [InlineData(1, 160, 0.0063)]   // 0.00625 is stored as 0.0062500000000000003…: rounds up; x·10⁴ in doubles is 62.5 → 62
    [InlineData(3, 160, 0.0187)]   // 0.01875 is stored as 0.018749999…: rounds down; x·10⁴ in doubles gives 188
    [InlineData(1, 3, 0.3333)]
    [InlineData(2, 3, 0.6667)]
    [InlineData(343, 344, 0.9971)]
    public void Round_RatioToFourDecimals_MatchesPythonRound(long a, long b, double expected)
    {
        Assert.Equal(expected, PyFloat.Round((double)a / b, 4));
    }

    [Fact]
    public void Round_ExactTie_RoundsToEven()
    {
        Assert.Equal(0.2812, PyFloat.Round(0.28125, 4)); // 0.28125 is exact in binary
        Assert.Equal(2.67, PyFloat.Round(2.675, 2));     // 2.675 is 2.67499… in binary
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(0.9662, "0.9662")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1.2345678901234568e+17, "1.2345678901234568e+17")]
    public void Repr_Double_PrintsLikePythonRepr(double value, string expected)
    {
        Assert.Equal(expected, PyFloat.Repr(value));
    }
}
