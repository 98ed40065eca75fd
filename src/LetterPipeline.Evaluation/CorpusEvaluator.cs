using System.Text.Json;

namespace LetterPipeline.Evaluation;

/// <summary>The result of scoring a folder of outputs: the summary and each document's counts.</summary>
public sealed record EvalReport(EvalSummary Summary, IReadOnlyList<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, long>>>> PerDoc)
{
    /// <summary>The summary as score.py prints it without <c>--json</c>: one line.</summary>
    public string SummaryJson() => PyJson.Dumps(Summary.ToPairs());

    /// <summary>Summary and per-document counts exactly as <c>score.py --json</c> prints them.</summary>
    public string FullJson() => PyJson.Dumps(
        new KeyValuePair<string, object>[]
        {
            new("summary", Summary.ToPairs()),
            new("per_doc", PerDoc.Select(d => new KeyValuePair<string, object>(
                d.Key, d.Value.Select(kv => new KeyValuePair<string, object>(kv.Key, kv.Value)).ToList())).ToList()),
        },
        indent: 1);
}

/// <summary>
/// score.py's <c>main</c>: for every <c>GOLD/NAME.gold.json</c>, scores <c>OUT/NAME.json</c> (a missing or
/// unreadable output counts as an empty one) and sums the counts into the summary.
/// </summary>
public static class CorpusEvaluator
{
    private const string GoldSuffix = ".gold.json";

    public static EvalReport Evaluate(string goldDir, string outDir)
    {
        // glob("*.gold.json"): case-sensitive, skips hidden files, sorted by code point.
        var goldFiles = Directory.EnumerateFiles(goldDir)
            .Where(f => Path.GetFileName(f) is var n && n.EndsWith(GoldSuffix, StringComparison.Ordinal) && !n.StartsWith('.'))
            .Order(CodePointComparer.Instance);

        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var perDoc = new List<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, long>>>>();
        foreach (var goldPath in goldFiles)
        {
            var name = Path.GetFileName(goldPath)[..^GoldSuffix.Length];
            var gold = ReadGold(goldPath);
            var output = ReadOutput(Path.Combine(outDir, name + ".json"));
            List<KeyValuePair<string, long>> scores;
            try
            {
                scores = [.. LetterScorer.Score(gold, output)];
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"{name}: {ex.Message} (score.py fails on this file too)", ex);
            }

            scores.Add(new("docs", 1));
            scores.Add(new("missing", Py.Truthy(output) ? 0 : 1));
            perDoc.Add(new(name, scores));
            foreach (var (key, value) in scores)
            {
                totals[key] = totals.GetValueOrDefault(key) + value;
            }
        }

        return new EvalReport(EvalSummary.FromTotals(totals), perDoc);
    }

    private static object? ReadGold(string path)
    {
        try
        {
            return PyJson.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: invalid gold JSON: {ex.Message}", ex);
        }
    }

    // score.py: any failure to read or parse the output (missing file included) makes it {}.
    private static object? ReadOutput(string path)
    {
        try
        {
            return PyJson.Parse(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return new OrderedDictionary<string, object?>();
        }
    }

    /// <summary>Orders strings by Unicode code point, as Python's <c>sorted</c> does (UTF-16 order differs above U+FFFF).</summary>
    private sealed class CodePointComparer : IComparer<string>
    {
        public static readonly CodePointComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var left = (x ?? "").EnumerateRunes().GetEnumerator();
            var right = (y ?? "").EnumerateRunes().GetEnumerator();
            while (true)
            {
                var hasLeft = left.MoveNext();
                var hasRight = right.MoveNext();
                if (!hasLeft || !hasRight)
                {
                    return hasLeft.CompareTo(hasRight);
                }

                var c = left.Current.Value.CompareTo(right.Current.Value);
                if (c != 0)
                {
                    return c;
                }
            }
        }
    }
}
