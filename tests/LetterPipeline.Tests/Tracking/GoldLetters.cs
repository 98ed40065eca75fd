using System.Globalization;
using System.Text.Json;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Tracking;

/// <summary>
/// What the corpus gold files say each letter cites, read straight from the gold JSON: the expectations of the
/// reference-store tests are counted from these, never from the program's output.
/// </summary>
internal static class GoldLetters
{
    /// <summary>
    /// Ministry letters print their date under "Datum" in the side column, which the gold files do not record;
    /// read by hand from the PDFs. Kamerstuk letters take the gold's Kamerstuk date; attachments print none.
    /// </summary>
    private static readonly Dictionary<string, DateOnly> SideColumnDates = new(StringComparer.Ordinal)
    {
        ["ecofin-2023-01.brief.serif.pdf"] = new(2023, 1, 6),
        ["navo-2022-11.brief.carlito.pdf"] = new(2022, 11, 18),
    };

    public static IReadOnlyList<GoldLetter> All { get; } = Load();

    /// <summary>Letters in the store's order: dated first, oldest first, then by file name.</summary>
    public static IEnumerable<GoldLetter> Chronological => All.OrderBy(l => l.Date is null).ThenBy(l => l.Date).ThenBy(l => l.File, StringComparer.Ordinal);

    /// <summary>Every citation of every letter, in the store's order (letter, then position).</summary>
    public static IEnumerable<(GoldLetter Letter, GoldCitation Citation)> Citations =>
        Chronological.SelectMany(l => l.Citations.Select(c => (l, c)));

    /// <summary>
    /// The corpus's distinct letters: its files are named letter.version.typeface.pdf, so the versions of one letter
    /// (the NATO agenda as letter, Kamerstuk print and annex) share the part before the first dot.
    /// </summary>
    public static IReadOnlyList<GoldGroup> Groups { get; } = All.GroupBy(l => l.Letter).Select(g => new GoldGroup(g.Key, g.ToList())).ToList();

    /// <summary>Each (citing letter, document) once: the most occurrences any version has, dated by the letter's earliest version.</summary>
    public static IEnumerable<(GoldGroup Letter, string Id, string? Dossier, int Citations)> PerLetter =>
        Groups.SelectMany(g => g.Versions.SelectMany(v => v.Citations).Select(c => (c.Id, c.Dossier)).Distinct()
            .Select(d => (g, d.Id, d.Dossier, g.Versions.Max(v => v.Citations.Count(c => c.Id == d.Id)))));

    private static List<GoldLetter> Load() =>
        Directory.GetFiles(Corpus.Dir("letters"), "*.gold.json").Order(StringComparer.Ordinal).Select(Read).ToList();

    private static GoldLetter Read(string path)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(path));
        var root = gold.RootElement;
        var file = Path.GetFileName(path)[..^".gold.json".Length] + ".pdf";
        DateOnly? date = SideColumnDates.TryGetValue(file, out var printed) ? printed : null;
        string? own = null;
        if (root.TryGetProperty("kamerstuk", out var kamerstuk) && kamerstuk.ValueKind == JsonValueKind.Object)
        {
            date = GoldDate.Parse(kamerstuk.GetProperty("date").GetString()!);
            own = $"kst-{kamerstuk.GetProperty("dossier").GetString()}-{kamerstuk.GetProperty("number").GetString()}";
        }

        var citations = new List<GoldCitation>();
        foreach (var footnote in root.GetProperty("footnotes").EnumerateArray())
        {
            foreach (var r in footnote.GetProperty("references").EnumerateArray())
            {
                var kind = Field(r, "kind") ?? "kamerstuk";
                var number = Field(r, "number")!;
                var year = new string((Field(r, "vergaderjaar") ?? "").Where(char.IsAsciiDigit).ToArray());
                var id = kind switch
                {
                    "handelingen" => $"h-tk-{year}-{number}" + (Field(r, "item") is { } item ? "-" + item : ""),
                    "aanhangsel" => $"ah-tk-{year}-{number}",
                    _ => $"kst-{Field(r, "dossier")}-{number}",
                };
                citations.Add(new GoldCitation(id, kind, kind == "kamerstuk" ? Field(r, "dossier") : null, number, footnote.GetProperty("number").GetString()!, citations.Count));
            }
        }

        return new GoldLetter(file, date, own, citations);
    }

    private static string? Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

}

internal sealed record GoldLetter(string File, DateOnly? Date, string? KamerstukId, IReadOnlyList<GoldCitation> Citations)
{
    /// <summary>The letter this file is a version of: its name before the first dot.</summary>
    public string Letter => File[..File.IndexOf('.', StringComparison.Ordinal)];

    public string? Month => Date?.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

internal sealed record GoldCitation(string Id, string Kind, string? Dossier, string Number, string Footnote, int Position);

/// <summary>One of the corpus's distinct letters and its versions; dated by its earliest dated version.</summary>
internal sealed record GoldGroup(string Letter, IReadOnlyList<GoldLetter> Versions)
{
    public DateOnly? Date => Versions.Min(v => v.Date);

    public string? Month => Date?.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
