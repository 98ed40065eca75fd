using System.Globalization;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>
/// Decides which footnote each marker cites before anything is written, because Word's automatic
/// numbering can only be used when it would print the same numbers as the letter.
/// </summary>
internal sealed class FootnotePlan
{
    private readonly IReadOnlyList<IReadOnlyList<int?>> citations;

    private FootnotePlan(IReadOnlyList<IReadOnlyList<int?>> citations, IReadOnlyList<int> unreferenced, bool customMarks)
    {
        this.citations = citations;
        Unreferenced = unreferenced;
        CustomMarks = customMarks;
    }

    /// <summary>Footnotes no marker cites (the parser lost the marker); written at the end of the last paragraph so no text is lost.</summary>
    public IReadOnlyList<int> Unreferenced { get; }

    /// <summary>True when the letter's numbers are not 1, 2, 3… in order of citation, so each reference carries its printed number.</summary>
    public bool CustomMarks { get; }

    /// <summary>Word's footnote id for the footnote at <paramref name="index"/> in <see cref="Letter.Footnotes"/>; 0 and -1 are the separators.</summary>
    public static int WordId(int index) => index + 1;

    /// <summary>The markers of a paragraph in the order they are written: by offset, ties in their original order.</summary>
    public static IReadOnlyList<FootnoteMarker> OrderedMarkers(Paragraph paragraph) =>
        paragraph.Markers.OrderBy(m => m.Offset).ToArray();

    /// <summary>
    /// For the paragraph at <paramref name="paragraphIndex"/> (counted over all sections), the index in
    /// <see cref="Letter.Footnotes"/> that each of its <see cref="OrderedMarkers"/> cites, or null when the letter has no such footnote.
    /// </summary>
    public IReadOnlyList<int?> CitationsOf(int paragraphIndex) => citations[paragraphIndex];

    public static FootnotePlan Create(Letter letter)
    {
        // A number may occur twice (a parser error); each marker takes the next unused footnote with its number.
        var unused = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var i = 0; i < letter.Footnotes.Count; i++)
        {
            var number = letter.Footnotes[i].Number;
            if (!unused.TryGetValue(number, out var queue))
            {
                unused[number] = queue = new Queue<int>();
            }

            queue.Enqueue(i);
        }

        var perParagraph = new List<IReadOnlyList<int?>>();
        var citationOrder = new List<int>();
        foreach (var paragraph in letter.Sections.SelectMany(s => s.Paragraphs))
        {
            var cited = new List<int?>();
            foreach (var marker in OrderedMarkers(paragraph))
            {
                int? index = unused.TryGetValue(marker.Number, out var queue) && queue.TryDequeue(out var i) ? i : null;
                cited.Add(index);
                if (index is { } found)
                {
                    citationOrder.Add(found);
                }
            }

            perParagraph.Add(cited);
        }

        var unreferenced = unused.Values.SelectMany(q => q).Order().ToArray();
        citationOrder.AddRange(unreferenced);
        // Word numbers references 1, 2, 3… in the order they occur in the text.
        var automatic = citationOrder
            .Select((index, position) => letter.Footnotes[index].Number == (position + 1).ToString(CultureInfo.InvariantCulture))
            .All(same => same);
        return new FootnotePlan(perParagraph, unreferenced, customMarks: !automatic);
    }
}
