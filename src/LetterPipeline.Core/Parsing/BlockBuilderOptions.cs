namespace LetterPipeline.Core.Parsing;

/// <summary>
/// The thresholds <see cref="BlockBuilder"/> groups body lines into blocks with, in points or as multiples of the
/// body's line pitch or font size (<see cref="BodyStyle"/>), so they hold at any body size.
/// </summary>
internal sealed record BlockBuilderOptions
{
    /// <summary>The values every letter is read with.</summary>
    public static BlockBuilderOptions Default { get; } = new();

    /// <summary>Lines closer than this many body line pitches run on in one block; the blank line between paragraphs makes a gap of about two.</summary>
    public double LineGapPitches { get; init; } = 1.3;

    /// <summary>Lines of one heading style closer than this many font sizes form one heading; further apart, each is a heading of its own.</summary>
    public double HeadingLineGapSizes { get; init; } = 1.7;

    /// <summary>An emphasised line longer than this many characters is running text, not a heading.</summary>
    public int MaxHeadingLineLength { get; init; } = 160;

    /// <summary>An emphasised block of this many lines or more reads like text: headings are one or two lines.</summary>
    public int TextBlockMinLines { get; init; } = 3;

    /// <summary>An emphasised block of more characters than this reads like text.</summary>
    public int TextBlockMinLength { get; init; } = 150;

    /// <summary>An emphasised line longer than this that cites a footnote reads like text: a heading rarely carries a marker.</summary>
    public int TextLineWithMarkerMinLength { get; init; } = 60;

    /// <summary>A sentence ending on a line that stops short of the column's right edge by more than this share of its width ends the paragraph.</summary>
    public double ShortLineShare { get; init; } = 0.2;

    /// <summary>A list item's next line continues it when set more than this many points right of the item's first line (the hanging indent).</summary>
    public double ListContinuationIndent { get; init; } = 2;

    /// <summary>A line starting within this many points of the text column's left edge is not indented.</summary>
    public double ColumnEdgeTolerance { get; init; } = 2;
}
