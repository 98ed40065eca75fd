using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>
/// Writes a text as Word runs: split at its marker offsets (a footnote reference run in each gap), at the edges of
/// its bold, italic and underlined stretches, and at its links (each a hyperlink around its runs).
/// </summary>
internal static class FootnoteRunBuilder
{
    /// <param name="text">The paragraph's, heading's, title's, cell's or footnote's text.</param>
    /// <param name="markers">Its markers (any order); offsets outside the text are clamped to its ends.</param>
    /// <param name="citations">What each marker in <see cref="FootnotePlan.Ordered"/> order cites, and the notes placed at the end.</param>
    /// <param name="customMarks">Whether references print the letter's number instead of Word's automatic number.</param>
    /// <param name="styles">Stretches printed bold, italic or underlined.</param>
    /// <param name="links">Stretches that link somewhere, not overlapping, by start.</param>
    /// <param name="relationship">The relationship id of a link's address in the part written to.</param>
    /// <param name="labelLength">The length of a label opening the text ("Vraag 1"), set in its own character style; 0 for none.</param>
    public static IEnumerable<OpenXmlElement> Build(string text, IReadOnlyList<FootnoteMarker> markers, PlaceCitations citations, bool customMarks,
        IReadOnlyList<InlineStyle> styles, IReadOnlyList<TextLink> links, Func<string, string> relationship, int labelLength = 0)
    {
        var ordered = FootnotePlan.Ordered(markers);
        var label = Math.Clamp(labelLength, 0, text.Length);
        var cuts = new SortedSet<int> { 0, label, text.Length };
        cuts.UnionWith(ordered.Select(m => Math.Clamp(m.Offset, 0, text.Length)));
        cuts.UnionWith(styles.SelectMany(s => new[] { s.Start, s.Start + s.Length }).Select(o => Math.Clamp(o, 0, text.Length)));
        cuts.UnionWith(links.SelectMany(l => new[] { l.Start, l.End }).Select(o => Math.Clamp(o, 0, text.Length)));
        var points = cuts.ToArray();

        var elements = new List<OpenXmlElement>();
        Hyperlink? open = null;
        var openEnd = 0;
        var next = 0;
        for (var k = 0; k < points.Length; k++)
        {
            var at = points[k];
            if (open is not null && at >= openEnd)
            {
                elements.Add(open);
                open = null;
            }

            while (next < ordered.Count && Math.Clamp(ordered[next].Offset, 0, text.Length) <= at)
            {
                var reference = Reference(citations.Markers[next++], customMarks);
                if (open is null)
                {
                    elements.Add(reference);
                }
                else
                {
                    open.Append(reference);
                }
            }

            if (k + 1 == points.Length)
            {
                break;
            }

            if (open is null && links.FirstOrDefault(l => l.Start == at && l.End > at) is { } link)
            {
                open = new Hyperlink { Id = relationship(link.Url), History = true };
                openEnd = link.End;
            }

            var run = WordText.Run(text[at..points[k + 1]], open is not null ? WordStyles.Hyperlink : at < label ? WordStyles.QuestionLabel : null);
            Emphasise(run, styles, at);
            if (open is null)
            {
                elements.Add(run);
            }
            else
            {
                open.Append(run);
            }
        }

        if (open is not null)
        {
            elements.Add(open);
        }

        if (text.Length == 0 && ordered.Count == 0)
        {
            elements.Add(WordText.Run(""));
        }

        elements.AddRange(citations.Appended.Select(c => Reference(c, customMarks)));
        return elements;
    }

    /// <summary>As the other overload, with the web addresses printed in the text as its links.</summary>
    public static IEnumerable<OpenXmlElement> Build(string text, IReadOnlyList<FootnoteMarker> markers, PlaceCitations citations, bool customMarks,
        IReadOnlyList<InlineStyle> styles, Func<string, string> relationship, int labelLength = 0) =>
        Build(text, markers, citations, customMarks, styles, TextLinks.Urls(text), relationship, labelLength);

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

    private static void Emphasise(Run run, IReadOnlyList<InlineStyle> styles, int at)
    {
        bool Has(string style) => styles.Any(s => s.Style == style && s.Start <= at && at < s.Start + s.Length);
        var (bold, italic, underline) = (Has(InlineStyles.Bold), Has(InlineStyles.Italic), Has(InlineStyles.Underline));
        if (!bold && !italic && !underline)
        {
            return;
        }

        run.RunProperties ??= new RunProperties();
        run.RunProperties.Bold = bold ? new Bold() : null;
        run.RunProperties.Italic = italic ? new Italic() : null;
        run.RunProperties.Underline = underline ? new Underline { Val = UnderlineValues.Single } : null;
    }
}
