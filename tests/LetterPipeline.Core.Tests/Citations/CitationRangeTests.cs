using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using CsCheck;
using LetterPipeline.Core.Citations;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Citations;

/// <summary>
/// Ranges of paper numbers (a fuzzing find): read without overflow, expanded only when plausible
/// (at most <see cref="NumberRange.MaxExpanded"/> papers), otherwise kept as their endpoints with a warning.
/// </summary>
public sealed class CitationRangeTests
{
    [Theory]
    [InlineData("Kamerstuk 36 045, nrs. 1 t/m 99999999999", "kst-36045-1 kst-36045-99999999999", true)]
    [InlineData("Kamerstuk 36 045, nrs. 2147483647–8", "kst-36045-2147483647 kst-36045-2147483648", false)]
    [InlineData("Kamerstuk 36 045, nrs. 9223372036854775807–8", "kst-36045-9223372036854775807 kst-36045-9223372036854775808", true)]
    [InlineData("Kamerstuk 36 045, nrs. 12 tot en met 99999999999999999999999999", "kst-36045-12 kst-36045-99999999999999999999999999", true)]
    [InlineData("Kamerstuk 36 045, nrs. 60–62", "kst-36045-60 kst-36045-61 kst-36045-62", false)]
    [InlineData("Kamerstuk 36 045, nrs. 1880–85", "kst-36045-1880 kst-36045-1881 kst-36045-1882 kst-36045-1883 kst-36045-1884 kst-36045-1885", false)]
    [InlineData("Kamerstuk 36 045, nrs. 62–60", "kst-36045-62 kst-36045-60", true)]
    [InlineData("Kamerstuk 36 045, nrs. 1 t/m 51", "kst-36045-1 kst-36045-51", true)]
    public void Parse_Range_ExpandsOnlyPlausibleRanges(string text, string ids, bool warned)
    {
        var warnings = new List<string>();

        var references = CitationParser.Parse(text, null, warnings);

        Assert.Equal(ids.Split(' '), references.Select(r => r.Id));
        Assert.Equal(warned, warnings.Count == 1);
    }

    [Fact]
    public void Parse_RangeOfFiftyPapers_IsExpanded()
    {
        var references = CitationParser.Parse("Kamerstuk 36 045, nrs. 1 t/m 50");

        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"kst-36045-{n}"), references.Select(r => r.Id));
    }

    [Fact]
    public void Parse_NumberOfAThousandDigits_IsKeptAsPrinted()
    {
        var huge = new string('9', 1000);

        var references = CitationParser.Parse($"Kamerstuk 36 045, nr. {huge} en Handelingen II 2022/23, nr. {huge}, item {huge}");

        Assert.Equal([huge, huge], references.Select(r => r.Number));
    }

    // Any two digit strings, short or far beyond long, joined by every range form the grammar reads.
    private static readonly Gen<string> Digits =
        Gen.OneOf(Gen.Int[0, 9999].Select(n => n.ToString(CultureInfo.InvariantCulture)), Gen.Char['0', '9'].Array[1, 60].Select(c => new string(c)));

    [Fact]
    public void Parse_GeneratedRange_NeverThrowsAndExpandsOnlyUpToTheBound()
    {
        Gen.Select(Digits, Digits, Gen.OneOf("\u2013", "-", " t/m ", " tot en met ")).Sample((low, high, dash) =>
        {
            var warnings = new List<string>();

            var numbers = CitationParser.Parse($"Kamerstuk 36 045, nrs. {low}{dash}{high}", null, warnings).Select(r => r.Number).ToList();

            var from = BigInteger.Parse(low, CultureInfo.InvariantCulture);
            var full = high.Length < low.Length ? low[..(low.Length - high.Length)] + high : high;
            var to = BigInteger.Parse(full, CultureInfo.InvariantCulture);
            if (to > from && to - from < NumberRange.MaxExpanded && full.Length <= 18)
            {
                Assert.Equal(Enumerable.Range(0, (int)(to - from) + 1).Select(i => (from + i).ToString(CultureInfo.InvariantCulture)), numbers);
                Assert.Empty(warnings);
            }
            else if (to == from && full.Length <= 18)
            {
                Assert.Equal([low], numbers);
            }
            else
            {
                Assert.Equal([low, full], numbers);
                Assert.Single(warnings);
            }
        }, iter: 3000);
    }

    public static TheoryData<string> FuzzInputs => new(
        Directory.GetFiles(Corpus.Folder("fuzz/D1-citation-range-overflow"), "*.pdf").Order(StringComparer.Ordinal).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(FuzzInputs))]
    public void Parse_FuzzLetterWithAHugeRange_ConvertsWithTheEndpointsAndAWarning(string file)
    {
        var pdf = File.ReadAllBytes(Path.Combine(Corpus.Folder("fuzz/D1-citation-range-overflow"), file));

        var result = new LetterParser().Parse(pdf, file, Convert.ToHexStringLower(SHA256.HashData(pdf)));

        var numbers = result.Letter.References.Where(r => r.Dossier == "36045").Select(r => r.Number).ToList();
        Assert.Equal(2, numbers.Count);
        Assert.Equal("99999999999", numbers[1]);
        Assert.Contains(result.Warnings, w => w.Message.Contains("99999999999", StringComparison.Ordinal));
    }
}
