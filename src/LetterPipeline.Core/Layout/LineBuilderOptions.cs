namespace LetterPipeline.Core.Layout;

/// <summary>
/// The thresholds <see cref="LineBuilder"/> groups glyphs into lines with, in points or as multiples of the glyph
/// size (the glyph's font size, so one value serves 8 pt footnotes and 12 pt body text alike).
/// </summary>
internal sealed record LineBuilderOptions
{
    /// <summary>The values every letter is read with.</summary>
    public static LineBuilderOptions Default { get; } = new();

    /// <summary>Glyphs whose baselines lie within this share of the first glyph's size form one line: a font's baseline jitter stays in it.</summary>
    public double BaselineToleranceRatio { get; init; } = 0.2;

    /// <summary>The baseline tolerance in points at least: very small text still jitters by the producer's rounding.</summary>
    public double MinBaselineTolerance { get; init; } = 0.8;

    /// <summary>A gap wider than this many glyph sizes splits a line into columns (the side column); a justified word space is far narrower.</summary>
    public double ColumnGapRatio { get; init; } = 2.2;

    /// <summary>The column gap in points at least: small type beside a column must not be cut at its wider word spaces.</summary>
    public double MinColumnGap { get; init; } = 14;

    /// <summary>Beside type this much smaller, a column (a letter's side column next to the running text) parts at a narrower gap.</summary>
    public double SmallTypeRatio { get; init; } = 0.8;

    /// <summary>The gap, in glyph sizes, that parts a column in smaller type: wider than a word space, narrower than a column gutter.</summary>
    public double SmallTypeColumnGapRatio { get; init; } = 0.6;

    /// <summary>When a gap between two glyphs is a word space that was not drawn as a glyph.</summary>
    public WordGapOptions WordGaps { get; init; } = WordGapOptions.Default;

    /// <summary>
    /// A gap between two words at least this many glyph sizes wide, yet narrower than a column gap, is kept with the
    /// line (<see cref="TextLine.Gaps"/>): a table's cells can stand that close, a justified word space never does.
    /// </summary>
    public double CellGapRatio { get; init; } = 1.0;

    /// <summary>Where a footnote marker is told from text.</summary>
    public FootnoteMarkerOptions Markers { get; init; } = FootnoteMarkerOptions.Default;
}

/// <summary>
/// How <see cref="Layout.WordGaps"/> decides a gap between two glyphs is a space, in ems of the line's type size, over
/// the line's typical letter gap.
/// </summary>
internal sealed record WordGapOptions
{
    /// <summary>The values every letter is read with.</summary>
    public static WordGapOptions Default { get; } = new();

    /// <summary>The least margin over the typical gap that makes a space.</summary>
    public double MinimumMargin { get; init; } = 0.18;

    /// <summary>Where the line draws its spaces, the margin is this many times the scatter of its letter gaps…</summary>
    public double ScatterFactor { get; init; } = 4;

    /// <summary>…up to this many ems: a line that jittery still keeps a wide missing space.</summary>
    public double MaximumMargin { get; init; } = 0.5;

    /// <summary>A typical gap and its scatter need this many samples; below it, the gaps are taken to be zero.</summary>
    public int MinimumSamples { get; init; } = 4;
}

/// <summary>
/// What <see cref="FootnoteMarkerAttacher"/> takes for a footnote marker: a short run of digits, set smaller than the
/// line beside it and raised above its baseline (LibreOffice sets 6.4 pt raised 4.3 pt over 10 pt text).
/// </summary>
internal sealed record FootnoteMarkerOptions
{
    /// <summary>The values every letter is read with.</summary>
    public static FootnoteMarkerOptions Default { get; } = new();

    /// <summary>A marker has at most this many digits: no letter has a thousand footnotes, and a longer number is text (a year, an amount).</summary>
    public int MaxDigits { get; init; } = 3;

    /// <summary>A marker is smaller than this share of its line's median size: digits at the line's own size are text.</summary>
    public double MaxSizeRatio { get; init; } = 0.85;

    /// <summary>A marker's baseline is more than this share of the line's size above the line's: a digit on the baseline is text.</summary>
    public double MinRiseRatio { get; init; } = 0.1;

    /// <summary>A marker's baseline is at most this share of the line's size above the line's: higher up, it belongs to the line above.</summary>
    public double MaxRiseRatio { get; init; } = 0.75;

    /// <summary>
    /// A marker lies within this many line sizes of the line's ends: it follows a word of the line, while a footnote
    /// label hanging further left of its text ("¹⁰ Tweede Kamer…") is no marker of a line beside it.
    /// </summary>
    public double MaxOverhangRatio { get; init; } = 2;
}
