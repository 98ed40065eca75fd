using System.Text.Json;

namespace LetterPipeline.Evaluation.Tests;

/// <summary>Compares the figures of <c>letterpipe eval</c> with those of the reference scripts in tools/.</summary>
internal static class ReferenceFigures
{
    /// <summary>
    /// The same documents in the same order, each with the same counts, and the same summary: the same names in the
    /// same order, every value equal to 4 decimals.
    /// </summary>
    public static void AssertSame<TSummary>(JsonDocument reference, EvalReport<TSummary> report)
        where TSummary : IFigures
    {
        var root = reference.RootElement;
        Assert.Equal(Rounded(root.GetProperty("summary")), Rounded(report.Summary.Figures));
        Assert.Equal(
            root.GetProperty("per_doc").EnumerateObject().Select(d => (d.Name, Rounded(d.Value))),
            report.Documents.Select(d => (d.Key, Rounded(d.Value))));
    }

    /// <summary><see cref="AssertSame{TSummary}"/> for the summary alone, both sides printed as JSON objects.</summary>
    public static void AssertSameSummary(JsonElement reference, JsonElement actual) =>
        Assert.Equal(Rounded(reference), Rounded(actual));

    public static string[] Rounded(JsonElement figures) =>
        [.. figures.EnumerateObject().Select(p => Format(p.Name, p.Value.GetDouble()))];

    private static string[] Rounded(IReadOnlyList<Figure> figures) => [.. figures.Select(f => Format(f.Name, f.Value))];

    private static string Format(string name, double value) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}={Math.Round(value, 4):0.0###}");
}
