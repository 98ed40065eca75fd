using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ModelFootnote = LetterPipeline.Core.Model.Footnote;
using Reference = LetterPipeline.Core.Model.Reference;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>The footnotes part: the two separators Word requires, then one note per footnote with its references linked.</summary>
internal static class WordFootnotes
{
    public static void Fill(FootnotesPart part, IReadOnlyList<ModelFootnote> footnotes, bool customMarks)
    {
        var root = new Footnotes(
            Separator(FootnoteEndnoteValues.Separator, -1, new SeparatorMark()),
            Separator(FootnoteEndnoteValues.ContinuationSeparator, 0, new ContinuationSeparatorMark()));
        for (var i = 0; i < footnotes.Count; i++)
        {
            root.Append(Note(part, FootnotePlan.WordId(i), footnotes[i], customMarks));
        }

        part.Footnotes = root;
    }

    private static Footnote Separator(FootnoteEndnoteValues type, int id, DocumentFormat.OpenXml.OpenXmlElement mark) =>
        new(new Paragraph(
            new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto } },
            new Run(mark)))
        {
            Type = type,
            Id = id,
        };

    private static Footnote Note(FootnotesPart part, int wordId, ModelFootnote footnote, bool customMark)
    {
        var paragraph = new Paragraph { ParagraphProperties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = WordStyles.FootnoteText } } };
        var mark = new Run { RunProperties = new RunProperties { RunStyle = new RunStyle { Val = WordStyles.FootnoteReference } } };
        mark.Append(customMark ? new Text(WordText.XmlSafe(footnote.Number)) : new FootnoteReferenceMark());
        paragraph.Append(mark, WordText.Run(" "));

        var text = footnote.Text;
        var position = 0;
        foreach (var (start, reference) in LinkSpans(text, footnote.References))
        {
            if (start > position)
            {
                paragraph.Append(WordText.Run(text[position..start]));
            }

            var relationship = part.AddHyperlinkRelationship(new Uri(reference.Url, UriKind.Absolute), isExternal: true);
            paragraph.Append(new Hyperlink(WordText.Run(reference.Text, WordStyles.Hyperlink)) { Id = relationship.Id, History = true });
            position = start + reference.Text.Length;
        }

        if (position < text.Length)
        {
            paragraph.Append(WordText.Run(text[position..]));
        }

        return new Footnote(paragraph) { Id = wordId };
    }

    /// <summary>
    /// Where each reference's printed text stands in the footnote, in text order. References are searched
    /// from the end of the previous one first (the same citation text may occur twice); one that is not
    /// found, overlaps a placed link or has no valid URL stays plain text.
    /// </summary>
    internal static IReadOnlyList<(int Start, Reference Reference)> LinkSpans(string text, IReadOnlyList<Reference> references)
    {
        var spans = new List<(int Start, Reference Reference)>();
        var cursor = 0;
        foreach (var reference in references)
        {
            if (reference.Text.Length == 0 || !Uri.IsWellFormedUriString(reference.Url, UriKind.Absolute))
            {
                continue;
            }

            var start = text.IndexOf(reference.Text, cursor, StringComparison.Ordinal);
            if (start < 0)
            {
                start = text.IndexOf(reference.Text, StringComparison.Ordinal);
            }

            if (start < 0 || spans.Any(s => start < s.Start + s.Reference.Text.Length && s.Start < start + reference.Text.Length))
            {
                continue;
            }

            spans.Add((start, reference));
            cursor = start + reference.Text.Length;
        }

        return spans.OrderBy(s => s.Start).ToArray();
    }
}
