using DocumentFormat.OpenXml.Wordprocessing;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>Splits a text at its marker offsets and puts a footnote reference run in each gap.</summary>
internal static class FootnoteRunBuilder
{
    /// <param name="text">The paragraph's, heading's or title's text.</param>
    /// <param name="markers">Its markers (any order); offsets outside the text are clamped to its ends.</param>
    /// <param name="citations">What each marker in <see cref="FootnotePlan.Ordered"/> order cites, and the notes placed at the end.</param>
    /// <param name="customMarks">Whether references print the letter's number instead of Word's automatic number.</param>
    public static IEnumerable<Run> Build(string text, IReadOnlyList<FootnoteMarker> markers, PlaceCitations citations, bool customMarks)
    {
        var ordered = FootnotePlan.Ordered(markers);
        var position = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var offset = Math.Clamp(ordered[i].Offset, position, text.Length);
            if (offset > position)
            {
                yield return WordText.Run(text[position..offset]);
                position = offset;
            }

            yield return Reference(citations.Markers[i], customMarks);
        }

        if (position < text.Length || ordered.Count == 0)
        {
            yield return WordText.Run(text[position..]);
        }

        foreach (var appended in citations.Appended)
        {
            yield return Reference(appended, customMarks);
        }
    }

    /// <summary>
    /// A real footnote reference (Word numbers it, or it prints the letter's number when custom marks are on); a
    /// marker that opens no note keeps its printed number as a superscript rather than cite an empty or wrong note.
    /// </summary>
    public static Run Reference(Citation citation, bool customMark)
    {
        if (citation.WordId is not { } wordId)
        {
            return WordText.Run(citation.Number, WordStyles.FootnoteReference);
        }

        var run = new Run { RunProperties = new RunProperties { RunStyle = new RunStyle { Val = WordStyles.FootnoteReference } } };
        run.Append(new FootnoteReference { Id = wordId, CustomMarkFollows = customMark ? true : null });
        if (customMark)
        {
            run.Append(new Text(WordText.XmlSafe(citation.Number)));
        }

        return run;
    }
}
