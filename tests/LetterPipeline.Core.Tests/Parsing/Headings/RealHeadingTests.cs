using System.Text.Json;
using System.Text.RegularExpressions;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Parsing.Headings;

/// <summary>
/// Heading levels on real Kamerstuk prints (tests/corpus/real-2), against the headings and levels their gold files
/// state: a nota with I./1./1.1 and body-type "Artikel 3" headings, and a bill with HOOFDSTUK and Artikel.
/// </summary>
public sealed partial class RealHeadingTests
{
    [Theory]
    [InlineData("kst-36450-2")]
    [InlineData("kst-36450-6")]
    public void Parse_KamerstukPrint_HasEveryGoldHeadingAtItsLevel(string name)
    {
        var gold = GoldHeadings(name);
        var found = Headings(Parse(name));

        var missing = gold.Except(found).ToList();
        Assert.Empty(missing);
        // The header block's document kind ("VOORSTEL VAN WET") is the only extra heading allowed.
        Assert.True(found.Count - gold.Count <= 1, $"{found.Count} headings for {gold.Count} in gold: {string.Join(" | ", found.Except(gold))}");
    }

    [Fact]
    public void Parse_Bill_EveryArtikelOneLevelBelowEveryHoofdstuk()
    {
        var headings = Parse("kst-36450-2").Sections.Where(s => s.Heading is not null).ToList();
        var chapters = headings.Where(s => s.Heading!.StartsWith("HOOFDSTUK", StringComparison.Ordinal)).Select(s => s.Level).Distinct().ToList();
        var articles = headings.Where(s => s.Heading!.StartsWith("Artikel", StringComparison.Ordinal)).Select(s => s.Level).Distinct().ToList();

        Assert.Equal(GoldHeadings("kst-36450-2").Count(g => g.Text.StartsWith("artikel", StringComparison.Ordinal)),
            headings.Count(s => s.Heading!.StartsWith("Artikel", StringComparison.Ordinal)));
        Assert.Equal(chapters.Single() + 1, articles.Single());
    }

    private static Letter Parse(string name)
    {
        var path = Path.Combine(Corpus.Folder("real-2"), name + ".pdf");
        return new LetterParser().Parse(File.ReadAllBytes(path), name + ".pdf", "0").Letter;
    }

    private static List<(int Level, string Text)> Headings(Letter letter) =>
        letter.Sections.Where(s => s.Heading is not null).Select(s => (s.Level, Loose(s.Heading!))).ToList();

    private static List<(int Level, string Text)> GoldHeadings(string name)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus.Folder("real-2"), name + ".gold.json")));
        return gold.RootElement.GetProperty("headings").EnumerateArray()
            .Select(h => (h.GetProperty("level").GetInt32(), Loose(h.GetProperty("text").GetString()!))).ToList();
    }

    /// <summary>As score_real.py compares headings: case, spacing, quotes and trailing punctuation do not matter.</summary>
    private static string Loose(string text) => Spacing().Replace(text.Normalize(System.Text.NormalizationForm.FormKC), " ").Trim(' ', '.', ':').ToLowerInvariant();

    [GeneratedRegex(@"[\s'""“”‘’«»]+")]
    private static partial Regex Spacing();
}
