using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ModelFootnote = LetterPipeline.Core.Model.Footnote;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>The footnotes part: the two separators Word requires, then one note per footnote with its references linked.</summary>
internal static class WordFootnotes
{
    /// <param name="part">The part to fill.</param>
    /// <param name="footnotes">The letter's footnotes.</param>
    /// <param name="plan">Which footnote each Word id stands for; the notes are written in id order, the order they are cited in.</param>
    public static void Fill(FootnotesPart part, IReadOnlyList<ModelFootnote> footnotes, FootnotePlan plan)
    {
        var root = new Footnotes(
            Separator(FootnoteEndnoteValues.Separator, -1, new SeparatorMark()),
            Separator(FootnoteEndnoteValues.ContinuationSeparator, 0, new ContinuationSeparatorMark()));
        var relationships = WordLetterWriter.Relationships(part);
        for (var k = 0; k < plan.Notes.Count; k++)
        {
            root.Append(Note(relationships, k + 1, footnotes[plan.Notes[k]], plan.CustomMarks));
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

    private static Footnote Note(Func<string, string> relationship, int wordId, ModelFootnote footnote, bool customMark)
    {
        var paragraph = new Paragraph { ParagraphProperties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = WordStyles.FootnoteText } } };
        var mark = new Run { RunProperties = new RunProperties { RunStyle = new RunStyle { Val = WordStyles.FootnoteReference } } };
        mark.Append(customMark ? new Text(WordText.XmlSafe(footnote.Number)) : new FootnoteReferenceMark());
        paragraph.Append(mark, WordText.Run(" "));

        // Each parsed reference links to its official page; any other web address in the note links to itself.
        var citations = CitationLinks.Place(footnote.Text, footnote.References).Select(l => new TextLink(l.Start, l.End, l.Reference.Url));
        var links = TextLinks.Merge(citations, TextLinks.Urls(footnote.Text));
        paragraph.Append(FootnoteRunBuilder.Build(footnote.Text, [], PlaceCitations.None, customMark, [], links, relationship));

        return new Footnote(paragraph) { Id = wordId };
    }
}
