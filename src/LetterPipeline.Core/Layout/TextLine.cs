namespace LetterPipeline.Core.Layout;

/// <summary>A footnote marker found in a line: raised, smaller digits; <see cref="Offset"/> indexes the line text.</summary>
internal sealed record LineMarker(string Number, int Offset);

/// <summary>A stretch of a line's text set in bold or italic; <see cref="Start"/> indexes the line text.</summary>
internal sealed record StyleRun(int Start, int Length, bool Bold, bool Italic);

/// <summary>A wide gap inside a line (two table cells set close): the text after it starts at <see cref="Index"/> and at <see cref="Left"/>, the text before it ends at <see cref="PreviousRight"/>.</summary>
internal sealed record LineGap(int Index, double Left, double PreviousRight);

/// <summary>Builds <see cref="StyleRun"/>s glyph by glyph.</summary>
internal static class StyleRuns
{
    /// <summary>Adds <paramref name="length"/> characters at <paramref name="start"/> to the last run when it has the same style and reaches them (over a space), else starts a run.</summary>
    public static void Extend(ref List<StyleRun>? runs, int start, int length, bool bold, bool italic)
    {
        runs ??= [];
        if (runs.Count > 0 && runs[^1] is var last && last.Bold == bold && last.Italic == italic && start - (last.Start + last.Length) <= 1)
        {
            runs[^1] = last with { Length = start + length - last.Start };
        }
        else
        {
            runs.Add(new StyleRun(start, length, bold, italic));
        }
    }
}

/// <summary>One line of text on a page, in PDF points (origin bottom-left), with its typography.</summary>
internal sealed record TextLine(
    int Page,
    double Left,
    double Right,
    double Baseline,
    double FontSize,
    bool Bold,
    bool Italic,
    string Text,
    IReadOnlyList<LineMarker> Markers)
{
    /// <summary>True when the line begins with a raised number: a footnote label, not a marker in running text.</summary>
    public bool StartsWithRaisedNumber => Markers.Count > 0 && Markers[0].Offset == 0;

    /// <summary>True when a drawn rule runs under the whole line: the underline of a heading or a label (see <see cref="UnderlineDetector"/>).</summary>
    public bool Underlined { get; init; }

    /// <summary>
    /// The region of the page the line is read in: 0 for the page's single text flow; a text column of a page read
    /// column by column, or text set across the page's direction, has a number of its own. Text flows from one
    /// region into the next as it flows over a page break.
    /// </summary>
    public int Region { get; init; }

    /// <summary>The left edge of the line's region when it is not the page's single flow (0 otherwise).</summary>
    public double RegionLeft { get; init; }

    /// <summary>The right edge of the line's region when it is not the page's single flow (0 otherwise): where its full lines end.</summary>
    public double RegionRight { get; init; }

    /// <summary>The stretches of the text set in bold or italic, in order; empty when none is.</summary>
    public IReadOnlyList<StyleRun> Styles { get; init; } = [];

    /// <summary>The gaps inside the line wider than a word space but narrower than a column gap, in order; empty when none.</summary>
    public IReadOnlyList<LineGap> Gaps { get; init; } = [];

    /// <summary>The table the line is a cell fragment of, numbered from 1 over the letter; 0 for a line of running text.</summary>
    public int Table { get; init; }
}

/// <summary>The lines of one page in reading order (top to bottom, left to right).</summary>
internal sealed record PageLines(int Number, double Width, double Height, IReadOnlyList<TextLine> Lines)
{
    /// <summary>The page's non-space glyphs, of every direction: what its lines must account for.</summary>
    public int GlyphCount { get; init; }

    /// <summary>Lines set across the page's main direction (turned 90°, 180° or 270° against it), each direction in its own reading order.</summary>
    public IReadOnlyList<TextLine> Across { get; init; } = [];
}
