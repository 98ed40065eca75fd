using System.Text.RegularExpressions;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Turns blocks into the title and sections. The title is the first heading on the first page, before any
/// paragraph. Heading levels rank the heading typographies (larger first, then bold before italic);
/// numbering overrides the rank ("2.1 Leveringen" sits one level below "2. Militaire steun").
/// </summary>
internal static partial class SectionBuilder
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

        var ranks = blocks.Skip(start).Where(b => b.Kind == BlockKind.Heading).Select(b => b.Style).Distinct()
            .OrderByDescending(s => s.Size).ThenByDescending(s => s.Bold).ThenBy(s => s.Italic)
            .Select((style, index) => (style, index)).ToDictionary(x => x.style, x => x.index + 1);

        var sections = new List<Section>();
        var paragraphs = new List<Paragraph>();
        string? heading = null;
        var level = 0;
        for (var i = start; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Kind == BlockKind.Heading)
            {
                if (heading is not null || paragraphs.Count > 0)
                {
                    sections.Add(new Section(level, heading, paragraphs));
                }

                heading = LineJoiner.Join(block.Lines, words).Text;
                level = NumberingDepth(heading) ?? Math.Min(ranks[block.Style], 3);
                paragraphs = [];
                continue;
            }

            var (text, markers) = LineJoiner.Join(block.Lines, words);
            if (block.Kind == BlockKind.ListItem)
            {
                var stripped = BlockBuilder.StripBullet(text);
                var shift = text.Length - stripped.Length;
                markers = markers.Select(m => m with { Offset = Math.Max(0, m.Offset - shift) }).ToList();
                text = stripped;
            }

            paragraphs.Add(new Paragraph(text, markers, block.Kind == BlockKind.ListItem));
        }

        if (heading is not null || paragraphs.Count > 0)
        {
            sections.Add(new Section(level, heading, paragraphs));
        }

        return (title, sections);
    }

    private static int? NumberingDepth(string heading)
    {
        var m = Numbering().Match(heading);
        return m.Success ? Math.Min(m.Groups["n"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries).Length, 3) : null;
    }

    [GeneratedRegex(@"^(?<n>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+\p{L}")]
    private static partial Regex Numbering();
}
