using System.Text.RegularExpressions;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Evaluation;

/// <summary>The measures score.py and score_real.py define alike.</summary>
internal static partial class SharedMeasures
{
    /// <summary>The output's body text: its paragraphs, normalised, joined by " \n ".</summary>
    public static string Body(IEnumerable<Paragraph> paragraphs) =>
        string.Join(" \n ", paragraphs.Select(p => TextNormaliser.Norm(p.Text)));

    /// <summary>Footnotes by number (a number given twice counts once, with its last text), compared by normalised text.</summary>
    public static FootnoteCounts Footnotes(GoldLetter gold, Letter output)
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var footnote in gold.Footnotes)
        {
            expected[footnote.Number] = TextNormaliser.Norm(footnote.Text);
        }

        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var footnote in output.Footnotes)
        {
            found[footnote.Number] = TextNormaliser.Norm(footnote.Text);
        }

        return new FootnoteCounts(expected.Count, found.Count, expected.Count(kv => found.TryGetValue(kv.Key, out var text) && text == kv.Value));
    }

    /// <summary>The references of all footnotes, compared as multisets of <see cref="ReferenceKey"/>.</summary>
    public static ReferenceCounts References(GoldLetter gold, Letter output)
    {
        var expected = gold.Footnotes.SelectMany(f => f.References).Select(ReferenceKey.Of).ToList();
        var found = output.Footnotes.SelectMany(f => f.References).Select(ReferenceKey.Of).ToList();
        var foundCounts = found.CountBy(k => k).ToDictionary();
        var both = expected.CountBy(k => k).Sum(kv => Math.Min(kv.Value, foundCounts.GetValueOrDefault(kv.Key)));
        return new ReferenceCounts(expected.Count, found.Count, both);
    }

    /// <summary>How often a "Pagina 2 van 4" footer stands in <paramref name="body"/>.</summary>
    public static int PageOfPages(string body) => PageOfPagesPattern().Count(body);

    /// <summary>A date as the output prints it: ISO, or "" when it has none.</summary>
    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    // \d is any Unicode decimal digit, in .NET as in the reference.
    [GeneratedRegex(@"Pagina \d+ van \d+")]
    private static partial Regex PageOfPagesPattern();
}
