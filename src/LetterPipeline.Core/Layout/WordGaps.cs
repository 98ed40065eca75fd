namespace LetterPipeline.Core.Layout;

/// <summary>
/// Decides how wide a gap between two glyphs of one line must be to read as a space, from that line's own
/// spacing: its typical gap between glyphs and how far the gaps wander from it, in ems of its type size.
/// Most producers draw a space glyph between words; a gap without one is then a word break only when it stands
/// out from the line's letter gaps (a producer that skips the space after a full stop, a footnote label set apart
/// from its text). Word exports position every glyph on its own, with letter gaps that wander by a fifth of an
/// em ("A rbeidsinspectie"): the margin grows with that scatter, so those stay inside their words. A line drawn
/// without space glyphs (TeX, tracked headings) has its word gaps among its letter gaps, which would inflate any
/// scatter: there a word gap is a fixed margin over the typical gap.
/// </summary>
/// <remarks>Fed one line's glyphs left to right through <see cref="Add"/>; the buffer holds one gap per glyph.</remarks>
internal ref struct WordGaps
{
    private readonly Span<double> gaps;
    private readonly double size;
    private readonly WordGapOptions options;
    private int count;
    private bool spaceGlyphs;
    private bool afterSpace;
    private double previousRight;
    private bool hasPrevious;

    /// <param name="buffer">Room for one gap per glyph of the line.</param>
    /// <param name="size">The line's type size, in points.</param>
    /// <param name="options">The margins a gap must clear.</param>
    public WordGaps(Span<double> buffer, double size, WordGapOptions options)
    {
        gaps = buffer;
        this.size = size;
        this.options = options;
    }

    /// <summary>The next glyph to the right; a space glyph marks the gap it stands in as a word gap already.</summary>
    public void Add(double left, double right, bool isSpace)
    {
        if (isSpace)
        {
            afterSpace = hasPrevious;
            return;
        }

        if (hasPrevious)
        {
            if (afterSpace)
            {
                spaceGlyphs = true;
            }
            else if (count < gaps.Length)
            {
                gaps[count++] = left - previousRight;
            }
        }

        previousRight = right;
        hasPrevious = true;
        afterSpace = false;
    }

    /// <summary>Forgets the previous glyph: the gap across a footnote marker says nothing about the line's spacing.</summary>
    public void Break() => hasPrevious = false;

    /// <summary>
    /// The smallest gaps, in points, that read as a space in this line: between two glyphs, and after a footnote
    /// marker. A marker ends its word and its own advance is no measure of the gap, so after it only the least
    /// margin applies ("virus.² In" has no space glyph after the marker).
    /// </summary>
    public readonly (double Inside, double AfterMarker) MinimumWordGaps()
    {
        var (typical, scatter) = Spacing();
        var margin = spaceGlyphs ? Math.Clamp(options.ScatterFactor * scatter, options.MinimumMargin, options.MaximumMargin) : options.MinimumMargin;
        return ((typical + margin) * size, (typical + options.MinimumMargin) * size);
    }

    /// <summary>The median letter gap (not below zero) and the scatter above it (90th percentile less the median), in ems.</summary>
    private readonly (double Typical, double Scatter) Spacing()
    {
        if (count < options.MinimumSamples)
        {
            return (0, 0);
        }

        var sample = gaps[..count];
        sample.Sort();
        var median = sample[count / 2];
        var high = sample[Math.Min(count - 1, (int)(count * 0.9))];
        return (Math.Max(0, median) / size, (high - median) / size);
    }
}
