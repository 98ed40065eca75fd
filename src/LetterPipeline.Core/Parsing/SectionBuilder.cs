using LetterPipeline.Core.Model;
using LetterPipeline.Core.Parsing.Headings;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Turns blocks into the title and sections. The title is the first heading on the first page, before any
/// paragraph; it is not a section. Each heading's level comes from <see cref="HeadingLevelAssigner"/>: its numbering
/// and typography ranked against the headings around it.
/// </summary>
internal static class SectionBuilder
{
    public static (string? Title, IReadOnlyList<Section> Sections) Build(IReadOnlyList<BodyBlock> blocks, Vocabulary words)
    {
        var start = 0;
        string? title = null;
        if (blocks.Count > 1 && blocks[0].Kind == BlockKind.Heading && blocks[0].First.Page == 1)
        {
            title = LineJoiner.Join(blocks[0].Lines, words).Text;
            start = 1;
        }

        var headings = blocks.Skip(start).Where(b => b.Kind == BlockKind.Heading)
            .Select(b => (Block: b, Text: LineJoiner.Join(b.Lines, words).Text)).ToList();
        var levels = HeadingLevelAssigner.Assign(headings.Select(h => HeadingRank.Of(h.Text, h.Block.First)).ToList());

        var sections = new List<Section>();
        var paragraphs = new List<Paragraph>();
        string? heading = null;
        var level = 0;
        var next = 0;
        for (var i = start; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Kind == BlockKind.Heading)
            {
                if (heading is not null || paragraphs.Count > 0)
                {
                    sections.Add(new Section(level, heading, paragraphs));
                }

                (heading, level) = (headings[next].Text, levels[next]);
                next++;
                paragraphs = [];
                continue;
            }

            paragraphs.Add(ToParagraph(block, words));
        }

        if (heading is not null || paragraphs.Count > 0)
        {
            sections.Add(new Section(level, heading, paragraphs));
        }

        return (title, sections);
    }

    /// <summary>A paragraph or list item's text and markers; a list item without its bullet.</summary>
    public static Paragraph ToParagraph(BodyBlock block, Vocabulary words)
    {
        var (text, markers) = LineJoiner.Join(block.Lines, words);
        if (block.Kind == BlockKind.ListItem)
        {
            var stripped = BlockBuilder.StripBullet(text);
            var shift = text.Length - stripped.Length;
            markers = markers.Select(m => m with { Offset = Math.Max(0, m.Offset - shift) }).ToList();
            text = stripped;
        }

        return new Paragraph(text, markers, block.Kind == BlockKind.ListItem);
    }
}
