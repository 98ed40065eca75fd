using System.Globalization;
using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing;

/// <summary>A footnote as found on the page: its number, first page and lines (the number still in the first line).</summary>
internal sealed record FootnoteBlock(string Number, int Page, IReadOnlyList<TextLine> Lines, int LabelLength);

/// <summary>
/// Finds the footnote area at the bottom of each page: the run of lines in a smaller type than the body
/// that starts with the next footnote number (or, on a following page, continues the previous footnote).
/// A small-type block that does not start that way (a table, a caption) stays body text.
/// </summary>
internal static class FootnoteZone
{
    public static (IReadOnlyList<FootnoteBlock> Footnotes, IReadOnlySet<TextLine> ZoneLines) Extract(
        IReadOnlyList<PageLines> pages, IReadOnlySet<TextLine> excluded, BodyStyle style)
    {
        var footnotes = new List<(string Number, int Page, List<TextLine> Lines, int Label)>();
        var zoneLines = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        foreach (var page in pages)
        {
            var lines = page.Lines.Where(l => !excluded.Contains(l)).ToList();
            var start = lines.Count;
            while (start > 0 && IsFootnoteType(lines[start - 1], style))
            {
                start--;
            }

            if (start == lines.Count)
            {
                continue;
            }

            var zone = lines.GetRange(start, lines.Count - start);
            var expected = footnotes.Count == 0 ? null : NextNumber(footnotes[^1].Number);
            var zoneLeft = zone.Min(l => l.Left);

            // A run without a label continues the previous page's footnote only if it is set like one (at its
            // indent, or the hanging indent of its text); a small-type table at the body's margin is not.
            var continues = footnotes.Count > 0 && footnotes[^1].Page < page.Number && Label(zone[0], expected, zoneLeft) is null
                && zone[0].Left > footnotes[^1].Lines.Min(l => l.Left) - 2 && zone[0].Left < footnotes[^1].Lines.Max(l => l.Left) + 15;
            if (!continues)
            {
                // Small type above the first label (a table, a caption) stays in the body.
                var first = zone.FindIndex(l => Label(l, expected, zoneLeft) is not null);
                if (first < 0)
                {
                    continue;
                }

                zone = zone.GetRange(first, zone.Count - first);
            }

            foreach (var line in zone)
            {
                var label = Label(line, expected, zoneLeft);
                if (label is not null)
                {
                    footnotes.Add((label.Value.Number, page.Number, [line], label.Value.Length));
                    expected = NextNumber(label.Value.Number);
                }
                else
                {
                    footnotes[^1].Lines.Add(line);
                }

                zoneLines.Add(line);
            }
        }

        return (footnotes.Select(f => new FootnoteBlock(f.Number, f.Page, f.Lines, f.Label)).ToList(), zoneLines);
    }

    /// <summary>
    /// Smaller type than the body; or a line that opens with a raised number below the body: a footnote set at body
    /// size or larger (a nota's one-line "¹ P. 20 Regeerprogramma.") is still known by its label.
    /// </summary>
    private static bool IsFootnoteType(TextLine line, BodyStyle style) =>
        line.Text.Length > 0 && (style.IsSmallerThanBody(line) || line.StartsWithRaisedNumber);

    /// <summary>
    /// The footnote number that opens <paramref name="line"/>, with the characters it takes: a raised number
    /// at the start, or digits glued to or spaced from the text ("1Zie", "12 Kamerstuk") flush with the zone's left edge.
    /// </summary>
    private static (string Number, int Length)? Label(TextLine line, string? expected, double zoneLeft)
    {
        if (line.StartsWithRaisedNumber)
        {
            return (line.Markers[0].Number, 0);
        }

        if (line.Left > zoneLeft + 2)
        {
            return null;
        }

        var digits = 0;
        while (digits < line.Text.Length && digits < 3 && char.IsAsciiDigit(line.Text[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            return null;
        }

        if (expected is not null)
        {
            return line.Text.StartsWith(expected, StringComparison.Ordinal) && IsLabelEnd(line.Text, expected.Length)
                ? (expected, expected.Length)
                : null;
        }

        return IsLabelEnd(line.Text, digits) ? (line.Text[..digits], digits) : null;
    }

    /// <summary>After a label comes text, a space or a tab: not more digits, not ".5" or ",".</summary>
    private static bool IsLabelEnd(string text, int index) =>
        index < text.Length && (char.IsLetter(text[index]) || text[index] is ' ' or '(' or '‘' or '“' or '"' or '\'');

    private static string NextNumber(string number) =>
        int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (n + 1).ToString(CultureInfo.InvariantCulture) : number;
}
