using System.Globalization;
using LetterPipeline.Core.Citations;
using LetterPipeline.Core.Model;
using Xunit.Abstractions;

namespace LetterPipeline.Core.Tests.Citations;

/// <summary>Table test: every footnote printed in the corpus gold files, parsed and compared with its gold references.</summary>
public sealed class CitationParserGoldTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string> Footnotes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var set in new[] { "letters", "real", "real-2" })
        {
            foreach (var footnote in GoldFootnotes.Load(set))
            {
                data.Add(set, footnote.Document, footnote.Number);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Footnotes))]
    public void Parse_GoldFootnote_YieldsTheGoldReferencesInOrder(string set, string document, string number)
    {
        var footnote = GoldFootnotes.Load(set).Single(f => f.Document == document && f.Number == number);
        var expected = GoldWithGazettes(footnote);
        var withDate = set != "real-2"; // its gold states no dates (real-2/GOLD-FORMAT.md)

        var references = CitationParser.Parse(footnote.Text, footnote.Number);

        Assert.Equal(expected.Select(r => Key(r, withDate)), references.Select(r => Key(r, withDate)));
        Assert.All(references, r => Assert.Equal(footnote.Number, r.Footnote));
    }

    [Theory]
    [InlineData("letters", 0.99, 0.99)]
    [InlineData("real", 0.98, 0.99)]
    [InlineData("real-2", 0.98, 0.99)]
    public void Parse_GoldSet_MeetsTheRequiredRecallAndPrecision(string set, double minRecall, double minPrecision)
    {
        var footnotes = GoldFootnotes.Load(set);
        int gold = 0, found = 0, matched = 0;
        foreach (var footnote in footnotes)
        {
            var expected = GoldWithGazettes(footnote).Select(ScoreKey).ToList();
            var actual = CitationParser.Parse(footnote.Text, footnote.Number).Select(ScoreKey).ToList();
            gold += expected.Count;
            found += actual.Count;
            matched += expected.Distinct().Sum(k => Math.Min(expected.Count(e => e == k), actual.Count(a => a == k)));
        }

        var recall = Ratio(matched, gold);
        var precision = Ratio(matched, found);
        output.WriteLine($"{set}: {footnotes.Count} footnotes, {gold} gold references, {found} found, recall {recall:F4}, precision {precision:F4}");

        Assert.True(gold > 0, "the gold set has references");
        Assert.InRange(recall, minRecall, 1.0);
        Assert.InRange(precision, minPrecision, 1.0);
    }

    [Fact]
    public void Parse_GoldLetters_DatesMeetTheRequiredAccuracy()
    {
        int dated = 0, right = 0;
        foreach (var footnote in GoldFootnotes.Load("letters"))
        {
            var parsed = CitationParser.Parse(footnote.Text, footnote.Number);
            foreach (var gold in footnote.References.Where(r => r.Date is not null))
            {
                dated++;
                right += parsed.Any(r => ScoreKey(r) == ScoreKey(gold) && Iso(r.Date) == gold.Date) ? 1 : 0;
            }
        }

        output.WriteLine($"letters: {dated} dated gold references, {right} dated right ({Ratio(right, dated):F4})");
        Assert.True(dated > 0, "the letters have dated references");
        Assert.InRange(Ratio(right, dated), 0.98, 1.0);
    }

    // real-2 was annotated before the official gazettes were references: its two Staatscourant citations, read from the printed page.
    private static readonly Dictionary<(string Document, string Number), GoldReference> GazettesTheGoldPredates = new()
    {
        [("kst-36450-6", "1")] = new("staatscourant", null, "3251", null, null, null, false, "2023"),   // "Stcrt. 2023, 3251."
        [("kst-36450-6", "12")] = new("staatscourant", null, "12119", null, null, null, false, "2011"), // "(Stcrt. 2011, 12119)."
    };

    private static List<GoldReference> GoldWithGazettes(GoldFootnote footnote) =>
        GazettesTheGoldPredates.TryGetValue((footnote.Document, footnote.Number), out var gazette)
            ? [.. footnote.References, gazette]
            : [.. footnote.References];

    private static double Ratio(int part, int whole) => whole == 0 ? 1.0 : (double)part / whole;

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Gold states a date for Kamerstukken (letters and real; real-2 states none), a vergaderjaar and item for
    // Handelingen, a year for gazettes: compare those.
    private static string Key(GoldReference r, bool withDate) => Key(r.Kind, r.Dossier, r.Number, r.Vergaderjaar, r.Item, withDate ? r.Date : null, r.Year);

    private static string Key(Reference r, bool withDate) =>
        Key(r.Kind.ToString().ToLowerInvariant(), r.Dossier, r.Number, r.Vergaderjaar, r.Item, withDate ? Iso(r.Date) : null,
            r.Year?.ToString(CultureInfo.InvariantCulture));

    private static string Key(string kind, string? dossier, string number, string? vergaderjaar, string? item, string? date, string? year) => kind switch
    {
        "kamerstuk" => $"kamerstuk {dossier} nr. {number} date {date ?? "-"}",
        "handelingen" or "aanhangsel" => $"{kind} {vergaderjaar} nr. {number} item {item ?? "-"}",
        _ => $"{kind} {year} nr. {number}",
    };

    // The key of /work/shared/score.py (ref_key): kamerstuk by dossier and number; Handelingen by session digits, number, item.
    // Gazettes, which score.py does not know, by kind, year and number.
    private static string ScoreKey(GoldReference r) => ScoreKey(r.Kind, r.Dossier, r.Number, r.Vergaderjaar, r.Item, r.Year);

    private static string ScoreKey(Reference r) =>
        ScoreKey(r.Kind.ToString().ToLowerInvariant(), r.Dossier, r.Number, r.Vergaderjaar, r.Item, r.Year?.ToString(CultureInfo.InvariantCulture));

    private static string ScoreKey(string kind, string? dossier, string number, string? vergaderjaar, string? item, string? year) => kind switch
    {
        "kamerstuk" => $"kamerstuk|{dossier?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}|{number}",
        "handelingen" or "aanhangsel" => $"{kind}|{new string((vergaderjaar ?? "").Where(char.IsAsciiDigit).ToArray())}|{number}|{item}",
        _ => $"{kind}|{year}|{number}",
    };
}
