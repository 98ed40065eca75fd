using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics;

namespace LetterPipeline.Core.Layout;

/// <summary>A thin horizontal rule drawn on a page (a stroked line or a filled bar), in PDF points.</summary>
internal readonly record struct HorizontalRule(double Left, double Right, double Bottom, double Top);

/// <summary>
/// Marks the lines that are underlined. PDF has no underline attribute: Word, LibreOffice and the Kamerstuk typesetter
/// draw the underline as a separate stroked line or a thin filled rectangle just below the baseline. A line counts as
/// underlined when such rules, together, run under (nearly) its whole glyph span and no further: a table border or the
/// footnote separator is wider than the text above it, a link's underline covers only part of its line.
/// </summary>
internal static class UnderlineDetector
{
    /// <summary>Thicker than this share of the text size is a bar or a box, not an underline.</summary>
    private const double MaxThickness = 0.25;

    /// <summary>The share of the line's span the rules must cover; word-by-word underlining leaves the spaces out.</summary>
    private const double MinCoverage = 0.85;

    /// <summary>The page's lines with <see cref="TextLine.Underlined"/> set where a rule runs under them.</summary>
    public static PageLines Mark(Page page, PageLines lines)
    {
        // Lines of a page read sideways are in a turned frame; their underlines are rare enough to leave unmarked.
        if (Math.Abs(lines.Width - page.Width) > 1 || lines.Lines.Count == 0)
        {
            return lines;
        }

        var rules = Rules(page.Paths);
        return rules.Count == 0 ? lines : Mark(lines, rules);
    }

    /// <summary>The lines with <see cref="TextLine.Underlined"/> set where <paramref name="rules"/> run under them.</summary>
    public static PageLines Mark(PageLines lines, IReadOnlyList<HorizontalRule> rules)
    {
        List<TextLine>? marked = null;
        for (var i = 0; i < lines.Lines.Count; i++)
        {
            var line = lines.Lines[i];
            if (!line.Underlined && IsUnderlined(line, rules))
            {
                marked ??= [.. lines.Lines];
                marked[i] = line with { Underlined = true };
            }
        }

        return marked is null ? lines : lines with { Lines = marked };
    }

    private static bool IsUnderlined(TextLine line, IReadOnlyList<HorizontalRule> rules)
    {
        var span = line.Right - line.Left;
        if (span <= 0 || line.Text.Length == 0)
        {
            return false;
        }

        var size = line.FontSize;
        var slack = Math.Max(2, 0.6 * size);
        var under = new List<(double Left, double Right)>();
        foreach (var rule in rules)
        {
            // Between the baseline and the descenders; a strike-through runs higher, the next line's top lower.
            if (rule.Top > line.Baseline + (0.1 * size) || rule.Bottom < line.Baseline - (0.5 * size)
                || rule.Top - rule.Bottom > MaxThickness * size || rule.Right < line.Left || rule.Left > line.Right)
            {
                continue;
            }

            if (rule.Left < line.Left - slack || rule.Right > line.Right + slack)
            {
                return false; // a rule wider than the text: a table border or a separator, not this line's underline
            }

            under.Add((Math.Max(rule.Left, line.Left), Math.Min(rule.Right, line.Right)));
        }

        return under.Count > 0 && Covered(under) >= MinCoverage * span;
    }

    /// <summary>The length of the union of the intervals.</summary>
    private static double Covered(List<(double Left, double Right)> intervals)
    {
        intervals.Sort((a, b) => a.Left.CompareTo(b.Left));
        var total = 0.0;
        var (start, end) = intervals[0];
        foreach (var (left, right) in intervals.Skip(1))
        {
            if (left > end)
            {
                total += end - start;
                (start, end) = (left, right);
            }
            else
            {
                end = Math.Max(end, right);
            }
        }

        return total + (end - start);
    }

    /// <summary>The thin horizontal pieces among the drawn paths: each subpath whose box is flat, stroked or filled.</summary>
    private static List<HorizontalRule> Rules(IReadOnlyList<PdfPath> paths)
    {
        var rules = new List<HorizontalRule>();
        foreach (var path in paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled))
            {
                continue;
            }

            var half = path.IsStroked ? path.LineWidth / 2 : 0;
            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is not { } box || box.Width < 2)
                {
                    continue;
                }

                var rule = new HorizontalRule(box.Left, box.Right, box.Bottom - half, box.Top + half);
                if (rule.Top - rule.Bottom < 4)
                {
                    rules.Add(rule);
                }
            }
        }

        return rules;
    }
}
