using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using LetterPipeline.Core.Model;
using ModelParagraph = LetterPipeline.Core.Model.Paragraph;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>
/// A table paragraph (<see cref="ModelParagraph.Table"/>) as a real Word table: one row per row, one cell per cell,
/// thin borders, full text width. Its markers are placed in the cells their offsets fall in: the paragraph's text is
/// the non-empty cells joined by single spaces, row by row.
/// </summary>
internal static class WordTables
{
    // The text width of an A4 page with 2.5 cm margins, in twentieths of a point.
    private const int TextWidth = 9070;

    public static Table Build(ModelParagraph paragraph, PlaceCitations citations, bool customMarks, Func<string, string> links)
    {
        var rows = paragraph.Table ?? throw new ArgumentException("Not a table paragraph.", nameof(paragraph));
        var columns = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U },
                    new LeftBorder { Val = BorderValues.Single, Size = 4U },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U },
                    new RightBorder { Val = BorderValues.Single, Size = 4U },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U })),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (TextWidth / columns).ToString(CultureInfo.InvariantCulture) })));

        var markers = FootnotePlan.Ordered(paragraph.Markers);
        var next = 0;
        var position = 0;
        var started = false;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < columns; c++)
            {
                var text = c < rows[r].Count ? rows[r][c] : "";
                if (text.Length > 0 && started)
                {
                    position++; // the space between two cells in the paragraph's text
                }

                var start = position;
                position += text.Length;
                started |= text.Length > 0;
                var last = r == rows.Count - 1 && c == columns - 1;
                var first = next;
                while (next < markers.Count && (markers[next].Offset <= position || last))
                {
                    next++;
                }

                var cellMarkers = markers.Skip(first).Take(next - first).Select(m => m with { Offset = Math.Clamp(m.Offset - start, 0, text.Length) }).ToArray();
                var cellCitations = new PlaceCitations(citations.Markers.Skip(first).Take(next - first).ToArray(), last ? citations.Appended : []);
                var content = new Paragraph { ParagraphProperties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = WordStyles.Normal } } };
                content.Append(FootnoteRunBuilder.Build(text, cellMarkers, cellCitations, customMarks, [], links));
                row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto, Width = "0" }), content));
            }

            table.Append(row);
        }

        return table;
    }
}
