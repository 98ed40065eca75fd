using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// The date of a letter that is not a Kamerstuk print: the value under "Datum" in a ministry letter's side
/// column, else a place-and-date line on the first page ("Den Haag, 3 april 2009").
/// </summary>
internal static partial class LetterDateFinder
{
    public static DateOnly? Find(IReadOnlyList<PageLines> pages, IReadOnlySet<TextLine> sideColumn)
    {
        if (pages.Count == 0)
        {
            return null;
        }

        var lines = pages[0].Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var label = lines[i];
            if (label.Text != "Datum" && !label.Text.StartsWith("Datum ", StringComparison.Ordinal))
            {
                continue;
            }

            // The value stands after the label on its line, beside it on the same baseline, or below it in
            // the same column (the side column's lines interleave with the body's).
            var value = FirstDate(label.Text["Datum".Length..]) ?? lines.Skip(i + 1)
                .Where(l => Math.Abs(l.Baseline - label.Baseline) < 1 || (Math.Abs(l.Left - label.Left) < 2 && sideColumn.Contains(l) == sideColumn.Contains(label)))
                .Take(2).Select(l => FirstDate(l.Text)).FirstOrDefault(d => d is not null);
            if (value is not null)
            {
                return value;
            }
        }

        foreach (var line in pages[0].Lines)
        {
            if (PlaceDate().Match(line.Text) is { Success: true } m)
            {
                return DutchDate.Parse(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value);
            }
        }

        return null;
    }

    private static DateOnly? FirstDate(string text) =>
        AnyDate().Match(text) is { Success: true } m ? DutchDate.Parse(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value) : null;

    [GeneratedRegex(@"\b(?<d>\d{1,2}) (?<m>[a-z]+\.?) (?<y>\d{4})\b")]
    private static partial Regex AnyDate();

    [GeneratedRegex(@"^(?:Den Haag|’s-Gravenhage|'s-Gravenhage|[A-Z][a-z]+), (?<d>\d{1,2}) (?<m>[a-z]+\.?) (?<y>\d{4})$")]
    private static partial Regex PlaceDate();
}
