using System.Globalization;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Parsing;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>A footnote reference as written: the number it shows and the Word id of the note it opens, or null for a plain superscript number.</summary>
internal readonly record struct Citation(string Number, int? WordId);

/// <summary>The references written in one place (the title, a heading, a paragraph): one per marker in offset order, then the notes placed at its end.</summary>
internal sealed record PlaceCitations(IReadOnlyList<Citation> Markers, IReadOnlyList<Citation> Appended)
{
    public static PlaceCitations None { get; } = new([], []);
}

/// <summary>
/// Decides, before anything is written, which footnote each marker cites and which Word id each note gets.
/// A marker cites the footnote with its own number, never the next one in line: a marker in a heading, a footnote
/// without a marker or a second numbering series (an attachment whose table restarts at 1) cannot shift the others.
/// Word ids follow the order the references stand in the text, and the notes are written in that order, because
/// LibreOffice binds a reference to the next note in the file whatever its id says.
/// </summary>
internal sealed class FootnotePlan
{
    private readonly PlaceCitations[] places;
    private readonly bool hasTitle;
    private readonly int[] headingPlaces;
    private readonly int[] paragraphPlaces;

    private FootnotePlan(PlaceCitations[] places, bool hasTitle, int[] headingPlaces, int[] paragraphPlaces, PlaceCitations trailing,
        IReadOnlyList<int> notes, bool customMarks)
    {
        this.places = places;
        this.hasTitle = hasTitle;
        this.headingPlaces = headingPlaces;
        this.paragraphPlaces = paragraphPlaces;
        Trailing = trailing;
        Notes = notes;
        CustomMarks = customMarks;
    }

    /// <summary>The references in the title.</summary>
    public PlaceCitations Title => hasTitle ? places[0] : PlaceCitations.None;

    /// <summary>Notes of a letter without any text to cite them from: written in a paragraph of their own.</summary>
    public PlaceCitations Trailing { get; }

    /// <summary>The index in <see cref="Letter.Footnotes"/> of each note in Word id order: Word id k+1 is <c>Notes[k]</c>.</summary>
    public IReadOnlyList<int> Notes { get; }

    /// <summary>True when the notes, in the order they are cited, are not numbered 1, 2, 3…, so each reference carries its printed number.</summary>
    public bool CustomMarks { get; }

    /// <summary>The references in the heading of the section at <paramref name="sectionIndex"/>.</summary>
    public PlaceCitations Heading(int sectionIndex) => headingPlaces[sectionIndex] is var p and >= 0 ? places[p] : PlaceCitations.None;

    /// <summary>The references in the paragraph at <paramref name="paragraphIndex"/>, counted over all sections.</summary>
    public PlaceCitations Paragraph(int paragraphIndex) => places[paragraphPlaces[paragraphIndex]];

    /// <summary>Markers in the order they are written: by offset, ties in their original order.</summary>
    public static IReadOnlyList<FootnoteMarker> Ordered(IReadOnlyList<FootnoteMarker> markers) => markers.OrderBy(m => m.Offset).ToArray();

    public static FootnotePlan Create(Letter letter)
    {
        // Places in document order: the title, then per section its heading (when written) and its paragraphs.
        var markers = new List<IReadOnlyList<FootnoteMarker>>();
        var hasTitle = !string.IsNullOrEmpty(letter.Title);
        if (hasTitle)
        {
            markers.Add(Ordered(letter.TitleMarkers));
        }

        var headingPlaces = new int[letter.Sections.Count];
        var paragraphPlaces = new List<int>();
        for (var s = 0; s < letter.Sections.Count; s++)
        {
            var section = letter.Sections[s];
            headingPlaces[s] = -1;
            if (!string.IsNullOrEmpty(section.Heading))
            {
                headingPlaces[s] = markers.Count;
                markers.Add(Ordered(section.HeadingMarkers));
            }

            foreach (var paragraph in section.Paragraphs)
            {
                paragraphPlaces.Add(markers.Count);
                markers.Add(Ordered(paragraph.Markers));
            }
        }

        var binding = FootnoteBinding.Bind(letter.Footnotes, markers);
        var appended = new List<int>[markers.Count + 1]; // the last slot: a letter without any place
        foreach (var (index, place) in binding.Unreferenced)
        {
            (appended[place < 0 ? markers.Count : place] ??= []).Add(index);
        }

        // Word ids in the order the references are written.
        var notes = new List<int>(letter.Footnotes.Count);
        Citation Cite(string number, int? index)
        {
            if (index is not { } found)
            {
                return new Citation(number, null);
            }

            notes.Add(found);
            return new Citation(letter.Footnotes[found].Number, notes.Count);
        }

        var places = new PlaceCitations[markers.Count];
        for (var p = 0; p < markers.Count; p++)
        {
            var cited = new Citation[markers[p].Count];
            for (var m = 0; m < cited.Length; m++)
            {
                cited[m] = Cite(markers[p][m].Number, binding.Cited[p][m]);
            }

            places[p] = new PlaceCitations(cited, (appended[p] ?? []).Select(index => Cite(letter.Footnotes[index].Number, index)).ToArray());
        }

        var trailing = new PlaceCitations([], (appended[^1] ?? []).Select(index => Cite(letter.Footnotes[index].Number, index)).ToArray());

        // Word numbers references 1, 2, 3… in the order they occur in the text.
        var automatic = notes.Select((index, position) => letter.Footnotes[index].Number == (position + 1).ToString(CultureInfo.InvariantCulture)).All(same => same);
        return new FootnotePlan(places, hasTitle, headingPlaces, [.. paragraphPlaces], trailing, notes, customMarks: !automatic);
    }
}
