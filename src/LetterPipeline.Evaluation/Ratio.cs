using System.Numerics;

namespace LetterPipeline.Evaluation;

/// <summary>A figure from its two counts: <c>round(hits / total, 4)</c>, the reference's definition.</summary>
internal static class Ratio
{
    private const int Scale = 10_000;

    /// <summary>
    /// The quotient (a double) rounded half-even to 4 decimals at its exact binary value; null when nothing was
    /// counted. <see cref="Math.Round(double, int, MidpointRounding)"/> multiplies by 10⁴ first and can round the
    /// other way: 1/160 is stored as 0.00625000000000000034…, which is 0.0063, but 62.500…034 becomes the double 62.5
    /// and rounds to even, 0.0062.
    /// </summary>
    public static double? Of(long hits, long total) => total == 0 ? null : RoundToFourDecimals((double)hits / total);

    private static double RoundToFourDecimals(double x)
    {
        // x = mantissa · 2^exponent exactly; x·10⁴ = numerator / denominator.
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        var biasedExponent = (int)(bits >> 52);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biasedExponent == 0)
        {
            biasedExponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        var exponent = biasedExponent - 1075;
        var numerator = new BigInteger(mantissa) * Scale;
        var denominator = BigInteger.One;
        if (exponent >= 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominator <<= -exponent;
        }

        var units = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !units.IsEven))
        {
            units += 1;
        }

        // Both exact as doubles, so the division gives the double nearest to units / 10⁴.
        return Math.CopySign((double)units / Scale, x);
    }
}
