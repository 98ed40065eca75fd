using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Finds a table of contents: under an "Inhoudsopgave" (or "Inhoud") heading, the rows that end in a page number
/// (after dot leaders, or set apart at the right edge, the entry's own number possibly beside it), running on to the
/// next page; without a heading, three or more dot-leader rows in a row. Its lines are neither headings nor paragraphs.
/// </summary>
internal static partial class TableOfContents
{
    /// <summary>One wrapped entry's first line may stand between two entries.</summary>
    private const int MaxLinesWithoutPageNumber = 1;

    /// <summary>The lines of every table of contents in <paramref name="pages"/>, its heading included.</summary>
    public static HashSet<TextLine> Find(IReadOnlyList<PageLines> pages)
    {
        var found = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        var runsOn = false;
        foreach (var page in pages)
        {
            var rows = Rows(page);
            var rightEdge = page.Lines.Count == 0 ? 0 : page.Lines.Max(l => l.Right);
            var inRun = false;
            var lastEntry = -1;
            var heading = -1;
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var text = string.Join(' ', row.Select(l => l.Text));
                var inBand = row[0].Baseline > page.Height * 0.88 || row[0].Baseline < page.Height * 0.12;
                var entry = IsLeaderEntry(text) || IsRightNumberEntry(row, rightEdge);
                if (Heading().IsMatch(text))
                {
                    // Only a heading with entries under it: "Inhoud" also heads the content of an agenda item.
                    inRun = true;
                    lastEntry = i;
                    heading = i;
                    continue;
                }

                if (!inRun && !inBand && ((runsOn && entry) || LeaderRunStartsAt(rows, i)))
                {
                    inRun = true;
                }

                if (!inBand)
                {
                    runsOn = false;
                }

                if (!inRun)
                {
                    continue;
                }

                if (entry)
                {
                    if (heading >= 0)
                    {
                        found.UnionWith(rows[heading]);
                        heading = -1;
                    }

                    for (var j = lastEntry + 1; j <= i; j++)
                    {
                        found.UnionWith(rows[j]);
                    }

                    lastEntry = i;
                }
                else if (!inBand && i - lastEntry > MaxLinesWithoutPageNumber)
                {
                    inRun = false;
                    heading = -1;
                }
            }

            // The contents go on overleaf when their last entry is the last row above the page's foot.
            runsOn = inRun && heading < 0 && lastEntry >= 0 && rows.Skip(lastEntry + 1).All(r => r[0].Baseline < page.Height * 0.12);
        }

        return found;
    }

    private static bool LeaderRunStartsAt(List<List<TextLine>> rows, int i) =>
        i + 2 < rows.Count && Enumerable.Range(i, 3).All(j => IsLeaderEntry(string.Join(' ', rows[j].Select(l => l.Text))));

    private static bool IsLeaderEntry(string text) => Leader().IsMatch(text);

    /// <summary>"1.1 Achtergrond" with "4" set apart at the right edge on the same baseline.</summary>
    private static bool IsRightNumberEntry(List<TextLine> row, double rightEdge) =>
        row.Count >= 2 && PageNumber().IsMatch(row[^1].Text) && row[^1].Right >= rightEdge - 15
        && row[^1].Left - row[^2].Right > row[^1].FontSize * 2;

    /// <summary>The page's lines grouped by baseline, top to bottom, each row left to right.</summary>
    private static List<List<TextLine>> Rows(PageLines page)
    {
        var rows = new List<List<TextLine>>();
        foreach (var line in page.Lines.OrderByDescending(l => l.Baseline).ThenBy(l => l.Left))
        {
            if (rows.Count > 0 && Math.Abs(rows[^1][0].Baseline - line.Baseline) < 1.5)
            {
                rows[^1].Add(line);
            }
            else
            {
                rows.Add([line]);
            }
        }

        return rows;
    }

    [GeneratedRegex(@"^(?:Inhoudsopgave|Inhoud|Inhoudstafel|Table of contents|Contents)$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?:[.…]\s?){4,}\s*\d{1,4}$")]
    private static partial Regex Leader();

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex PageNumber();
}
