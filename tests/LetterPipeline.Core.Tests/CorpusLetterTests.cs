using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests;

/// <summary>Every corpus letter parses to exactly the structure its gold file describes.</summary>
public sealed partial class CorpusLetterTests
{
    public static TheoryData<string> Letters => new(Corpus.Letters().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Letters))]
    public void Parse_CorpusLetter_MatchesGoldStructure(string file)
    {
        var (letter, gold) = ParseWithGold(file);

        Assert.Equal(Norm(gold.GetProperty("title").GetString()), Norm(letter.Title));
        Assert.Equal(
            gold.GetProperty("sections").EnumerateArray().Select(s => $"{s.GetProperty("level").GetInt32()} {Norm(s.GetProperty("heading").GetString())}"),
            letter.Sections.Where(s => s.Heading is not null).Select(s => $"{s.Level} {Norm(s.Heading)}"));

        var allowed = gold.GetProperty("allowed_extra").EnumerateArray().Select(a => Norm(a.GetString())).ToHashSet();
        var expected = gold.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("paragraphs").EnumerateArray())
            .Select(p => $"{(p.GetProperty("list_item").GetBoolean() ? "• " : "")}{Norm(p.GetProperty("text").GetString())} [{string.Join(",", p.GetProperty("footnotes").EnumerateArray().Select(f => f.GetString()))}]");
        var actual = letter.Sections.SelectMany(s => s.Paragraphs).Where(p => !allowed.Contains(Norm(p.Text)))
            .Select(p => $"{(p.ListItem ? "• " : "")}{Norm(p.Text)} [{string.Join(",", p.Footnotes)}]");
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Parse_CorpusLetter_FindsEveryFootnoteWithItsText(string file)
    {
        var (letter, gold) = ParseWithGold(file);

        Assert.Equal(
            gold.GetProperty("footnotes").EnumerateArray().Select(f => $"{f.GetProperty("number").GetString()}: {Norm(f.GetProperty("text").GetString())}"),
            letter.Footnotes.Select(f => $"{f.Number}: {Norm(f.Text)}"));
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Parse_CorpusLetter_ReadsItsOwnKamerstukIdentity(string file)
    {
        var (letter, gold) = ParseWithGold(file);

        if (!gold.TryGetProperty("kamerstuk", out var kst))
        {
            Assert.Null(letter.Kamerstuk);
            return;
        }

        Assert.NotNull(letter.Kamerstuk);
        var date = DateOnly.ParseExact(IsoDate(kst.GetProperty("date").GetString()!), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal((kst.GetProperty("dossier").GetString(), kst.GetProperty("number").GetString(), date),
            (letter.Kamerstuk.Dossier, letter.Kamerstuk.Number, letter.Kamerstuk.Date));
        Assert.Equal(kst.GetProperty("vergaderjaar").GetString()!.Replace('–', '-'), letter.Kamerstuk.Vergaderjaar);
    }

    [Theory]
    [InlineData("ecofin-2023-01.brief.serif.pdf", "2023-01-06")] // side column: "Datum" / "6 januari 2023"
    [InlineData("navo-2022-11.brief.carlito.pdf", "2022-11-18")]
    [InlineData("navo-2022-11.kst.serif.pdf", "2022-11-18")] // the Kamerstuk date: "Den Haag, 18 november 2022"
    [InlineData("landbouw-2023-03.bijlage.dejavu.pdf", null)] // an attachment prints no date
    public void Parse_CorpusLetter_ReadsTheLettersOwnDate(string file, string? expected)
    {
        var (letter, _) = ParseWithGold(file);

        Assert.Equal(expected, letter.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Parse_CorpusLetter_MarkerOffsetsPointAfterTheCitingWord(string file)
    {
        var (letter, _) = ParseWithGold(file);

        foreach (var paragraph in letter.Sections.SelectMany(s => s.Paragraphs))
        {
            foreach (var marker in paragraph.Markers)
            {
                Assert.InRange(marker.Offset, 1, paragraph.Text.Length);
                Assert.True(char.IsLetterOrDigit(paragraph.Text[marker.Offset - 1]) || char.IsPunctuation(paragraph.Text[marker.Offset - 1]),
                    $"marker {marker.Number} at {marker.Offset} in \"{paragraph.Text}\"");
            }
        }
    }

    private static (Letter Letter, JsonElement Gold) ParseWithGold(string file)
    {
        var path = Path.Combine(Corpus.Root, "letters", file);
        var bytes = File.ReadAllBytes(path);
        var letter = new LetterParser().Parse(bytes, file, Convert.ToHexStringLower(SHA256.HashData(bytes))).Letter;
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, null) + ".gold.json"));
        return (letter, gold.RootElement.Clone());
    }

    private static string IsoDate(string dutch)
    {
        var parts = dutch.Split(' ');
        var months = new[] { "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december" };
        return $"{parts[2]}-{Array.IndexOf(months, parts[1]) + 1:00}-{int.Parse(parts[0], CultureInfo.InvariantCulture):00}";
    }

    /// <summary>The comparison score.py makes: NFC, typographic apostrophes and spaces folded.</summary>
    private static string Norm(string? text) =>
        Whitespace().Replace((text ?? "").Normalize(NormalizationForm.FormC).Replace('\u00a0', ' ').Replace('’', '\'').Replace('‘', '\''), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
