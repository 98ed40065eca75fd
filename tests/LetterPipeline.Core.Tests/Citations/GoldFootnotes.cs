using System.Globalization;
using System.Text.Json;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Citations;

/// <summary>The footnotes of the corpus gold files, with the references they cite.</summary>
internal static class GoldFootnotes
{
    public static readonly string CorpusDirectory = Corpus.Root;

    /// <summary>Every footnote of every gold file under <c>tests/corpus/{set}</c> ("letters", "real" or "real-2").</summary>
    public static IReadOnlyList<GoldFootnote> Load(string set) =>
        Directory.GetFiles(Path.Combine(CorpusDirectory, set), "*.gold.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(Read)
            .ToList();

    private static IEnumerable<GoldFootnote> Read(string path)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(path));
        var name = Path.GetFileName(path)[..^".gold.json".Length];
        // A real-2 gold file states only what its annotator was sure of: a bill's has no footnotes.
        if (!gold.RootElement.TryGetProperty("footnotes", out var footnotes))
        {
            yield break;
        }

        foreach (var footnote in footnotes.EnumerateArray())
        {
            var references = footnote.GetProperty("references").EnumerateArray()
                .Select(r => new GoldReference(
                    Field(r, "kind") ?? "kamerstuk",
                    Field(r, "dossier"),
                    Field(r, "number")!,
                    Field(r, "vergaderjaar"),
                    Field(r, "item"),
                    Field(r, "date"),
                    r.TryGetProperty("date", out _),
                    Field(r, "year")))
                .ToList();
            yield return new GoldFootnote(name, Field(footnote, "number")!, footnote.GetProperty("text").GetString()!, references);
        }
    }

    private static string? Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetInt32().ToString(CultureInfo.InvariantCulture),
            _ => null,
        } : null;

}

internal sealed record GoldFootnote(string Document, string Number, string Text, IReadOnlyList<GoldReference> References)
{
    public override string ToString() => $"{Document} #{Number}";
}

/// <summary>A gold reference; <see cref="HasDate"/> says whether the gold states a date (letters do, real documents for kamerstukken).</summary>
internal sealed record GoldReference(string Kind, string? Dossier, string Number, string? Vergaderjaar, string? Item, string? Date, bool HasDate, string? Year = null);
