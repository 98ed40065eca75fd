using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Gives each paragraph the stretches its lines printed in bold or italic (<see cref="Paragraph.Styles"/>), as offset
/// spans of its text: a paragraph keeps only its text, and emphasis (a term in bold, the advice of the Raad van State
/// set in italics) would be lost.
/// </summary>
internal static class ParagraphStyles
{
    public static IReadOnlyList<Section> Attach(IReadOnlyList<BodyBlock> blocks, IReadOnlyList<Section> sections, Vocabulary words)
    {
        var styled = blocks.Where(b => b.Kind != BlockKind.Heading && b.First.Table == 0 && b.Lines.Any(l => l.Styles.Count > 0)).ToList();
        if (styled.Count == 0)
        {
            return sections;
        }

        // Matched by text, as the section stage made it (a list item without its bullet), in order.
        var byText = new Dictionary<string, Queue<(BodyBlock Block, List<int> Starts, int Shift)>>(StringComparer.Ordinal);
        foreach (var block in styled)
        {
            var starts = new List<int>();
            var (joined, _) = LineJoiner.Join(block.Lines, words, lineStarts: starts);
            var text = block.Kind == BlockKind.ListItem ? BlockBuilder.StripBullet(joined) : joined;
            if (!byText.TryGetValue(text, out var queue))
            {
                byText[text] = queue = new Queue<(BodyBlock, List<int>, int)>();
            }

            queue.Enqueue((block, starts, joined.Length - text.Length));
        }

        return sections.Select(section => section with
        {
            Paragraphs = section.Paragraphs.Select(p => p.Table is null && byText.TryGetValue(p.Text, out var queue) && queue.TryDequeue(out var found)
                ? p with { Styles = Spans(found.Block.Lines, found.Starts, found.Shift, p.Text.Length) }
                : p).ToArray(),
        }).ToArray();
    }

    /// <summary>The lines' style runs moved into the paragraph's text, bold and italic each merged where they meet over a line break.</summary>
    private static List<InlineStyle> Spans(IReadOnlyList<TextLine> lines, List<int> starts, int shift, int length)
    {
        var bold = new List<(int Start, int End)>();
        var italic = new List<(int Start, int End)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (starts[i] < 0)
            {
                continue;
            }

            // A line ends where the next begins: a removed line-break hyphen does not stretch a run into it.
            var lineEnd = Math.Min(length, starts[i] - shift + lines[i].Text.Length);
            foreach (var run in lines[i].Styles)
            {
                var start = Math.Clamp(starts[i] - shift + run.Start, 0, length);
                var end = Math.Clamp(starts[i] - shift + run.Start + run.Length, start, lineEnd);
                if (end > start)
                {
                    if (run.Bold)
                    {
                        Add(bold, start, end);
                    }

                    if (run.Italic)
                    {
                        Add(italic, start, end);
                    }
                }
            }
        }

        return bold.Select(s => new InlineStyle(s.Start, s.End - s.Start, InlineStyles.Bold))
            .Concat(italic.Select(s => new InlineStyle(s.Start, s.End - s.Start, InlineStyles.Italic)))
            .OrderBy(s => s.Start).ThenBy(s => s.Style, StringComparer.Ordinal).ToList();
    }

    private static void Add(List<(int Start, int End)> spans, int start, int end)
    {
        // Over the space (or nothing) that joined two lines, one stretch goes on.
        if (spans.Count > 0 && start - spans[^1].End <= 1)
        {
            spans[^1] = (spans[^1].Start, Math.Max(spans[^1].End, end));
        }
        else
        {
            spans.Add((start, end));
        }
    }
}
