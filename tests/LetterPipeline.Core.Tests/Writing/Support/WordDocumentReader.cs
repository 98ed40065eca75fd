using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LetterPipeline.Core.Tests.Writing.Support;

/// <summary>A body paragraph as Word sees it: style, visible text, where the footnote references stand.</summary>
internal sealed record ReadParagraph(string Style, string Text, IReadOnlyList<ReadMarker> Markers, int? NumberingId);

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
        var paragraphs = main.Document!.Body!.Elements<Paragraph>().Select(p => ReadBodyParagraph(p, ref autoNumber)).ToArray();

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
        return new ReadDocument(paragraphs, footnotes, special, core.Title, core.Subject, core.Created, core.Modified,
            custom, errors, styleNames, languages, bullets);
    }

    private static ReadParagraph ReadBodyParagraph(Paragraph paragraph, ref int autoNumber)
    {
        var text = new System.Text.StringBuilder();
        var markers = new List<ReadMarker>();
        foreach (var run in paragraph.Descendants<Run>())
        {
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

        var properties = paragraph.ParagraphProperties;
        return new ReadParagraph(properties?.ParagraphStyleId?.Val?.Value ?? "Normal", text.ToString(), markers,
            properties?.NumberingProperties?.NumberingId?.Val?.Value);
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
