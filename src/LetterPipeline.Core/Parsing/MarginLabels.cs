using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Labels set in the left margin beside the line they open ("Vraag 1", "Antwoord 1", "Besluit:", "1. Agendapunt:")
/// would fall outside the text column and be dropped with the colophon. Each is joined to the body line on its
/// baseline instead, at the front of that line's text, so the label opens its paragraph as if it were run in.
/// </summary>
internal static partial class MarginLabels
{
    /// <summary>The pages with each margin label joined to the body line beside it; pages without one are passed on as they are.</summary>
    public static IReadOnlyList<PageLines> Attach(IReadOnlyList<PageLines> pages, BodyStyle style)
    {
        var result = new List<PageLines>(pages.Count);
        foreach (var page in pages)
        {
            result.Add(Attach(page, style));
        }

        return result;
    }

    private static PageLines Attach(PageLines page, BodyStyle style)
    {
        List<TextLine>? lines = null;
        foreach (var label in page.Lines)
        {
            // A table's first column is no margin: its cells stay cells.
            if (label.Table != 0 || label.Right >= style.Left - 3 || !IsLabel(label.Text))
            {
                continue;
            }

            lines ??= [.. page.Lines];
            var host = lines.Where(l => l.Table == 0 && l.Left >= style.Left - 3 && l.Left > label.Right && Math.Abs(l.Baseline - label.Baseline) <= 0.25 * label.FontSize)
                .OrderBy(l => Math.Abs(l.Baseline - label.Baseline)).FirstOrDefault();
            if (host is null)
            {
                continue;
            }

            var shift = label.Text.Length + 1;
            var joined = host with
            {
                Text = label.Text + " " + host.Text,
                Markers = host.Markers.Select(m => m with { Offset = m.Offset + shift }).ToList(),
                Styles = [.. label.Styles, .. host.Styles.Select(r => r with { Start = r.Start + shift })],
                Gaps = host.Gaps.Select(g => g with { Index = g.Index + shift }).ToList(),
            };
            lines[lines.FindIndex(l => ReferenceEquals(l, host))] = joined;
            lines.RemoveAt(lines.FindIndex(l => ReferenceEquals(l, label)));
        }

        return lines is null ? page : page with { Lines = lines };
    }

    private static bool IsLabel(string text) => RunInLabel.IsLabel(text) || NumberedColonLabel().IsMatch(text);

    [GeneratedRegex(@"^\d{1,3}\.\s+\p{Lu}\p{L}*:$")]
    private static partial Regex NumberedColonLabel();
}
