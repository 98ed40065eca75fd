using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing.Headings;

/// <summary>How a heading is set: size in half points, bold, italic, underlined.</summary>
internal readonly record struct HeadingTypography(double Size, bool Bold, bool Italic, bool Underlined)
{
    /// <summary>The typography of a heading's first line.</summary>
    public static HeadingTypography Of(TextLine line) => new(Math.Round(line.FontSize * 2) / 2, line.Bold, line.Italic, line.Underlined);

    /// <summary>
    /// Positive when this typography outranks <paramref name="other"/>: a larger size (by a point or more) first, then
    /// bold, italic and underlined in that order; zero when neither stands out.
    /// </summary>
    public int CompareProminence(HeadingTypography other) =>
        Math.Abs(Size - other.Size) >= 1 ? Size.CompareTo(other.Size) : Weight.CompareTo(other.Weight);

    // Bold outweighs italic and underlined together; italic outweighs underlined, the lowest level of Kamerstuk prints.
    private int Weight => (Bold ? 4 : 0) + (Italic ? 2 : 0) + (Underlined ? 1 : 0);
}

/// <summary>What places a heading in the outline: its printed numbering, if any, and its typography.</summary>
internal readonly record struct HeadingRank(Numbering? Numbering, HeadingTypography Typography)
{
    /// <summary>The heading of <paramref name="text"/> set in the typography of <paramref name="firstLine"/>.</summary>
    public static HeadingRank Of(string text, TextLine firstLine) => new(NumberingScheme.Read(text), HeadingTypography.Of(firstLine));

    /// <summary>True for "Bijlage …": an appendix heads an outline of its own.</summary>
    public bool IsAppendix => Numbering?.Kind == NumberingKind.Appendix;

    /// <summary>True for the divisions of an act ("HOOFDSTUK 2", "Artikel 5").</summary>
    public bool IsLegal => Numbering?.Kind == NumberingKind.Legal;

    /// <summary>
    /// Headings with equal keys share a level throughout an outline. Every legal division is one rank whatever its
    /// typeface ("every Artikel at one level"); other numbered headings are one rank per system, depth and typeface,
    /// so a bold "1." chapter and an italic "1." item below it stay apart; unnumbered headings rank by typeface alone.
    /// </summary>
    public object Key => Numbering switch
    {
        { Kind: NumberingKind.Legal } n => n.Division,
        { } n => (n.Kind, n.Depth, Typography),
        null => Typography,
    };
}
