using System.Text;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Gives the paragraph each table became its cells: the section stage joined the table's lines into one paragraph (in
/// reading order, row by row), and here that paragraph gets its rows of cells and a text and markers made from them.
/// </summary>
internal static class TableParagraphs
{
    public static IReadOnlyList<Section> Attach(IReadOnlyList<Section> sections, IReadOnlyList<TableRegion> tables, Vocabulary words)
    {
        if (tables.Count == 0)
        {
            return sections;
        }

        // Matched by the joined text, in order: a paragraph the section stage made of something else is passed over.
        var pending = tables.Select(t => (Table: t, Joined: LineJoiner.Join(t.Lines, words).Text)).ToList();
        var next = 0;
        var result = new List<Section>(sections.Count);
        foreach (var section in sections)
        {
            if (next == pending.Count)
            {
                result.Add(section);
                continue;
            }

            var paragraphs = new List<Paragraph>(section.Paragraphs.Count);
            foreach (var paragraph in section.Paragraphs)
            {
                if (next < pending.Count && !paragraph.ListItem && paragraph.Text == pending[next].Joined)
                {
                    paragraphs.Add(FromCells(pending[next++].Table, words));
                }
                else
                {
                    paragraphs.Add(paragraph);
                }
            }

            result.Add(section with { Paragraphs = paragraphs });
        }

        return result;
    }

    private static Paragraph FromCells(TableRegion table, Vocabulary words)
    {
        var text = new StringBuilder();
        var markers = new List<FootnoteMarker>();
        var rows = new List<IReadOnlyList<string>>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var cells = new string[row.Count];
            for (var c = 0; c < row.Count; c++)
            {
                var (cellText, cellMarkers) = row[c].Count == 0 ? ("", []) : LineJoiner.Join(row[c], words);
                cells[c] = cellText;
                if (cellText.Length > 0 && text.Length > 0)
                {
                    text.Append(' ');
                }

                var start = text.Length;
                text.Append(cellText);
                markers.AddRange(cellMarkers.Select(m => m with { Offset = start + m.Offset }));
            }

            rows.Add(cells);
        }

        return new Paragraph(text.ToString(), markers, ListItem: false) { Table = rows };
    }
}
