using System.Globalization;
using System.Numerics;

namespace LetterPipeline.Evaluation;

/// <summary>Python's <c>round(x, n)</c> and <c>repr(float)</c>, so figures round and print exactly as score.py's do.</summary>
internal static class PyFloat
{
    /// <summary>
    /// <c>round(x, digits)</c>: half-even on the double's exact binary value (so 2.675 → 2.67, because the
    /// double is 2.67499…), then the nearest double to the decimal result. <see cref="Math.Round(double, int, MidpointRounding)"/>
    /// scales by a power of ten first and can round the other way.
    /// </summary>
    public static double Round(double x, int digits)
    {
        if (!double.IsFinite(x) || x == 0)
        {
            return x;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075; // |x| = mantissa · 2^exponent exactly
        var numerator = mantissa * BigInteger.Pow(10, digits);
        var denominator = BigInteger.One;
        if (exponent > 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominator <<= -exponent;
        }

        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven))
        {
            quotient += 1;
        }

        var rounded = double.Parse($"{quotient}E-{digits}", NumberStyles.Float, CultureInfo.InvariantCulture);
        return x < 0 ? -rounded : rounded;
    }

    /// <summary>
    /// <c>repr(x)</c>: the shortest digits that round-trip, positional when the decimal exponent is in
    /// [-4, 16), else scientific ("1e-05", "1e+16"); integral values keep ".0".
    /// </summary>
    public static string Repr(double x)
    {
        if (double.IsNaN(x))
        {
            return "NaN";
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? "Infinity" : "-Infinity";
        }

        // "E16" is not shortest; "R" is, in .NET Core 3.0 and later. Split it into digits and exponent.
        var r = Math.Abs(x).ToString("R", CultureInfo.InvariantCulture);
        var sign = x < 0 || (x == 0 && double.IsNegative(x)) ? "-" : "";
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? r : r[..e];
        var exp10 = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        // Value = 0.digits × 10^decpt.
        var decpt = intPart.Length + exp10 - leadingZeros;
        if (decpt > -4 && decpt <= 16)
        {
            string body;
            if (decpt <= 0)
            {
                body = "0." + new string('0', -decpt) + digits;
            }
            else if (decpt >= digits.Length)
            {
                body = digits + new string('0', decpt - digits.Length) + ".0";
            }
            else
            {
                body = digits[..decpt] + "." + digits[decpt..];
            }

            return sign + body;
        }

        var shownExp = decpt - 1;
        var lead = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        return sign + lead + "e" + (shownExp < 0 ? "-" : "+") + Math.Abs(shownExp).ToString("00", CultureInfo.InvariantCulture);
    }
}
