using DocumentFormat.OpenXml.Wordprocessing;
using LetterPipeline.Core.Model;
using ModelParagraph = LetterPipeline.Core.Model.Paragraph;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>Splits a paragraph's text at its marker offsets and puts a footnote reference run in each gap.</summary>
internal static class FootnoteRunBuilder
{
    /// <param name="paragraph">The paragraph; marker offsets outside its text are clamped to its ends.</param>
    /// <param name="citations">Per ordered marker, the index of the footnote it cites or null (see <see cref="FootnotePlan.CitationsOf"/>).</param>
    /// <param name="customMarks">Whether references print the letter's number instead of Word's automatic number.</param>
    /// <param name="labelLength">The length of a label opening the text ("Vraag 1"), set in its own character style; 0 for none.</param>
    public static IEnumerable<Run> Build(ModelParagraph paragraph, IReadOnlyList<int?> citations, bool customMarks, int labelLength = 0)
    {
        var text = paragraph.Text;
        var markers = FootnotePlan.OrderedMarkers(paragraph);
        var position = Math.Clamp(labelLength, 0, text.Length);
        if (position > 0)
        {
            yield return WordText.Run(text[..position], WordStyles.QuestionLabel);
        }

        for (var i = 0; i < markers.Count; i++)
        {
            var offset = Math.Clamp(markers[i].Offset, position, text.Length);
            if (offset > position)
            {
                yield return WordText.Run(text[position..offset]);
                position = offset;
            }

            yield return citations[i] is { } index
                ? Reference(FootnotePlan.WordId(index), markers[i].Number, customMarks)
                : UnresolvedMarker(markers[i].Number);
        }

        if (position < text.Length || markers.Count == 0)
        {
            yield return WordText.Run(text[position..]);
        }
    }

    /// <summary>A real footnote reference: Word numbers it, or prints <paramref name="number"/> when custom marks are on.</summary>
    public static Run Reference(int wordId, string number, bool customMark)
    {
        var run = new Run { RunProperties = new RunProperties { RunStyle = new RunStyle { Val = WordStyles.FootnoteReference } } };
        run.Append(new FootnoteReference { Id = wordId, CustomMarkFollows = customMark ? true : null });
        if (customMark)
        {
            run.Append(new Text(WordText.XmlSafe(number)));
        }

        return run;
    }

    // A marker whose footnote the parser did not find: keep the printed number where it stood, as a
    // superscript, rather than invent an empty footnote.
    private static Run UnresolvedMarker(string number) => WordText.Run(number, WordStyles.FootnoteReference);
}
