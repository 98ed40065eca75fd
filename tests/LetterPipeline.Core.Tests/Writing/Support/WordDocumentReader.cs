using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LetterPipeline.Core.Tests.Writing.Support;

/// <summary>A body paragraph as Word sees it: style, visible text, where the footnote references stand.</summary>
internal sealed record ReadParagraph(string Style, string Text, IReadOnlyList<ReadMarker> Markers, int? NumberingId)
{
    /// <summary>For a table: its rows of cell texts; null for a paragraph.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Cells { get; init; }

    /// <summary>The stretches of <see cref="Text"/> whose runs are bold, italic or underlined: (start, length, "bold"|"italic"|"underline"), by start.</summary>
    public IReadOnlyList<(int Start, int Length, string Style)> Styles { get; init; } = [];

    /// <summary>The paragraph's hyperlinks: the text linked and where to.</summary>
    public IReadOnlyList<ReadLink> Links { get; init; } = [];
}

/// <summary>A footnote reference (or a plain superscript number) and the character offset it follows.</summary>
internal sealed record ReadMarker(string Number, int Offset, int? FootnoteId);

internal sealed record ReadLink(string Text, string Url);

internal sealed record ReadFootnote(int Id, string Style, string Text, IReadOnlyList<ReadLink> Links);

/// <summary>What a .docx holds, read back with the Open XML SDK independently of how it was written.</summary>
internal sealed record ReadDocument(
    IReadOnlyList<ReadParagraph> Paragraphs,
    IReadOnlyList<ReadFootnote> Footnotes,
    IReadOnlyList<int> SpecialFootnoteIds,
    string? Title,
    string? Subject,
    DateTime? Created,
    DateTime? Modified,
    IReadOnlyDictionary<string, string> CustomProperties,
    IReadOnlyList<string> ValidationErrors,
    IReadOnlyDictionary<string, string> StyleNames,
    IReadOnlyList<string> Languages,
    bool HasBulletNumbering);

internal static class WordDocumentReader
{
    public static ReadDocument Read(byte[] docx)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var main = document.MainDocumentPart!;
        // The oldest and the newest Word the validator knows: records offices run both.
        var errors = new[] { DocumentFormat.OpenXml.FileFormatVersions.Office2007, DocumentFormat.OpenXml.FileFormatVersions.Microsoft365 }
            .SelectMany(version => new OpenXmlValidator(version).Validate(document)
                .Select(e => $"{version} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}"))
            .ToArray();

        var autoNumber = 0;
        var paragraphs = new List<ReadParagraph>();
        foreach (var element in main.Document!.Body!.ChildElements)
        {
            if (element is Paragraph paragraph)
            {
                paragraphs.Add(ReadBodyParagraph(paragraph, ref autoNumber, main));
            }
            else if (element is Table table)
            {
                paragraphs.Add(ReadTable(table, ref autoNumber));
            }
        }


        var footnotesPart = main.FootnotesPart;
        var footnotes = new List<ReadFootnote>();
        var special = new List<int>();
        foreach (var note in footnotesPart?.Footnotes?.Elements<Footnote>() ?? [])
        {
            var id = (int)note.Id!.Value;
            if (note.Type is not null && note.Type.Value != FootnoteEndnoteValues.Normal)
            {
                special.Add(id);
                continue;
            }

            footnotes.Add(ReadNote(footnotesPart!, note, id));
        }

        var custom = document.CustomFilePropertiesPart?.Properties?.Elements<CustomDocumentProperty>()
            .ToDictionary(p => p.Name!.Value!, p => p.InnerText) ?? [];
        var styles = main.StyleDefinitionsPart!.Styles!;
        var styleNames = styles.Elements<Style>().ToDictionary(s => s.StyleId!.Value!, s => s.StyleName!.Val!.Value!);
        var languages = styles.Descendants<Languages>().Select(l => l.Val?.Value ?? "").ToArray();
        var bullets = main.NumberingDefinitionsPart?.Numbering?.Descendants<Level>()
            .Any(l => l.LevelIndex?.Value == 0 && l.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet) ?? false;

        var core = document.PackageProperties;
        return new ReadDocument([.. paragraphs], footnotes, special, core.Title, core.Subject, core.Created, core.Modified,
            custom, errors, styleNames, languages, bullets);
    }

    private static ReadParagraph ReadBodyParagraph(Paragraph paragraph, ref int autoNumber, OpenXmlPart? part = null)
    {
        var text = new System.Text.StringBuilder();
        var markers = new List<ReadMarker>();
        var styles = new List<(int Start, int Length, string Style)>();
        foreach (var run in paragraph.Descendants<Run>())
        {
            var properties = run.RunProperties;
            var runText = string.Concat(run.Elements<Text>().Select(t => t.Text));
            foreach (var (style, on) in new[] { ("bold", properties?.Bold is { } b && b.Val?.Value != false), ("italic", properties?.Italic is { } i && i.Val?.Value != false),
                ("underline", properties?.Underline is { } u && u.Val?.Value != UnderlineValues.None) })
            {
                if (on && runText.Length > 0 && run.GetFirstChild<FootnoteReference>() is null)
                {
                    var last = styles.FindLastIndex(x => x.Style == style);
                    if (last >= 0 && styles[last].Start + styles[last].Length == text.Length)
                    {
                        styles[last] = (styles[last].Start, styles[last].Length + runText.Length, style);
                    }
                    else
                    {
                        styles.Add((text.Length, runText.Length, style));
                    }
                }
            }

            var isReferenceStyle = run.RunProperties?.RunStyle?.Val?.Value == "FootnoteReference";
            if (run.GetFirstChild<FootnoteReference>() is { } reference)
            {
                var custom = reference.CustomMarkFollows?.Value == true;
                var number = custom ? string.Concat(run.Elements<Text>().Select(t => t.Text)) : (++autoNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);
                markers.Add(new ReadMarker(number, text.Length, (int)reference.Id!.Value));
            }
            else if (isReferenceStyle)
            {
                markers.Add(new ReadMarker(string.Concat(run.Elements<Text>().Select(t => t.Text)), text.Length, null));
            }
            else
            {
                text.Append(string.Concat(run.Elements<Text>().Select(t => t.Text)));
            }
        }

        var paragraphProperties = paragraph.ParagraphProperties;
        var links = part is null ? [] : paragraph.Elements<Hyperlink>()
            .Select(h => new ReadLink(h.InnerText, part.HyperlinkRelationships.Single(r => r.Id == h.Id!.Value).Uri.ToString()))
            .ToArray();
        return new ReadParagraph(paragraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal", text.ToString(), markers,
            paragraphProperties?.NumberingProperties?.NumberingId?.Val?.Value)
        {
            Styles = [.. styles.OrderBy(x => x.Start).ThenBy(x => x.Style, StringComparer.Ordinal)],
            Links = links,
        };
    }

    /// <summary>
    /// A table as one paragraph of style "Table": the non-empty cells joined by single spaces, row by row (the model's
    /// text of a table), markers at their offsets in that text; <see cref="ReadParagraph.Cells"/> holds the cells.
    /// </summary>
    private static ReadParagraph ReadTable(Table table, ref int autoNumber)
    {
        var text = new System.Text.StringBuilder();
        var markers = new List<ReadMarker>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<TableCell>())
            {
                var read = ReadBodyParagraph(cell.Elements<Paragraph>().Single(), ref autoNumber);
                cells.Add(read.Text);
                if (read.Text.Length > 0 && text.Length > 0)
                {
                    text.Append(' ');
                }

                var start = text.Length;
                text.Append(read.Text);
                markers.AddRange(read.Markers.Select(m => m with { Offset = start + m.Offset }));
            }

            rows.Add(cells);
        }

        return new ReadParagraph("Table", text.ToString(), markers, null) { Cells = rows };
    }

    private static ReadFootnote ReadNote(FootnotesPart part, Footnote note, int id)
    {
        var paragraph = note.Elements<Paragraph>().Single();
        var runs = paragraph.Descendants<Run>().ToList();
        // The first run is the mark (Word's automatic number or the custom mark), then a space, then the text.
        var text = string.Concat(runs.Skip(1).SelectMany(r => r.Elements<Text>()).Select(t => t.Text));
        var links = paragraph.Elements<Hyperlink>()
            .Select(h => new ReadLink(h.InnerText, part.HyperlinkRelationships.Single(r => r.Id == h.Id!.Value).Uri.ToString()))
            .ToArray();
        return new ReadFootnote(id, paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "", text.StartsWith(' ') ? text[1..] : text, links);
    }
}
