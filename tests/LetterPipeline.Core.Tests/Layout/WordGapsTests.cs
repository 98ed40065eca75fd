using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Layout;

public sealed partial class WordGapsTests
{
    private const double Size = 10;

    [Fact]
    public void Parse_WordExportWithLetterSpacedGlyphs_ReadsEveryFootnoteAsPrinted()
    {
        // The ministry letter's footnotes set each glyph on its own, capitals with a fifth of an em after them:
        // a fixed threshold read "A rbeidsinspectie", "A uxiliary power unit (A PU)".
        const string file = "real-2/kamerbrief-ienw-2023-verzamelbrief-luchtvaart";
        var bytes = File.ReadAllBytes(Path.Combine(Corpus.Root, file + ".pdf"));
        var letter = new LetterParser().Parse(bytes, "ienw.pdf", Convert.ToHexStringLower(SHA256.HashData(bytes))).Letter;
        using var gold = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Corpus.Root, file + ".gold.json")));

        var expected = gold.RootElement.GetProperty("footnotes").EnumerateArray()
            .Select(f => $"{f.GetProperty("number").GetString()}: {Norm(f.GetProperty("text").GetString()!)}").ToList();
        Assert.Equal(13, expected.Count);
        Assert.Equal(expected, letter.Footnotes.Select(f => $"{f.Number}: {Norm(f.Text)}"));
    }

    [Fact]
    public void MinimumWordGaps_JitteryLetterGapsWithSpaceGlyphs_KeepsTheScatterInsideWords()
    {
        // Letter gaps wandering between 0 and 0.1 em, words separated by space glyphs.
        var gaps = Feed(Size, "0 0.05 0.1 0.02 0.08 _ 0.04 0.1 0.06 _ 0.01 0.09 0.05 0.03");

        var (inside, _) = gaps.MinimumWordGaps();

        Assert.True(inside > 0.24 * Size, $"{inside}");
    }

    [Fact]
    public void MinimumWordGaps_EvenLetterGapsWithSpaceGlyphs_BreaksAtAMissingSpace()
    {
        // A producer that writes spaces but skipped one after a full stop ("laUniversidad" at a quarter em).
        var gaps = Feed(Size, "0 0 0 0 _ 0 0 0 0 0.25 0 0 _ 0 0");

        var (inside, _) = gaps.MinimumWordGaps();

        Assert.InRange(inside, 0.17 * Size, 0.2 * Size);
    }

    [Fact]
    public void MinimumWordGaps_LineWithoutSpaceGlyphs_IsAFixedMarginOverTheTypicalGap()
    {
        // Tracked text without space glyphs: letters 0.1 em apart, words 0.4 em apart.
        var gaps = Feed(Size, "0.1 0.1 0.1 0.4 0.1 0.1 0.1 0.4 0.1 0.1 0.1");

        var (inside, afterMarker) = gaps.MinimumWordGaps();

        Assert.Equal(0.28 * Size, inside, 6);
        Assert.Equal(inside, afterMarker, 6);
    }

    [Fact]
    public void MinimumWordGaps_FewGlyphs_FallsBackToTheLeastMargin()
    {
        var gaps = Feed(Size, "0.3 0.3");

        Assert.Equal(0.18 * Size, gaps.MinimumWordGaps().Inside, 6);
    }

    /// <summary>Glyphs 0.5 em wide with the given gaps (in ems) between them; "_" is a space glyph.</summary>
    private static WordGaps Feed(double size, string layout)
    {
        var gaps = new WordGaps(new double[64], size, WordGapOptions.Default);
        var x = 0.0;
        gaps.Add(x, x += 0.5 * size, isSpace: false);
        foreach (var item in layout.Split(' '))
        {
            if (item == "_")
            {
                gaps.Add(x, x += 0.25 * size, isSpace: true);
                continue;
            }

            x += double.Parse(item, CultureInfo.InvariantCulture) * size;
            gaps.Add(x, x += 0.5 * size, isSpace: false);
        }

        return gaps;
    }

    /// <summary>score_real.py's normalisation: NFC, no-break space and curly single quotes unified, whitespace collapsed.</summary>
    private static string Norm(string text) =>
        Whitespace().Replace(text.Normalize(NormalizationForm.FormC).Replace('\u00a0', ' ').Replace('’', '\'').Replace('‘', '\''), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
