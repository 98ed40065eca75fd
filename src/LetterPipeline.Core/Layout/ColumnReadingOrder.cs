namespace LetterPipeline.Core.Layout;

/// <summary>
/// Reads a page set in text columns column by column. Lines are built across the whole page, top to bottom, so two
/// columns would interleave (and the text column found for the letter would push one of them into the side column).
/// This is a recursive XY cut (Nagy and Seth 1984) on the page's lines, cut only at a gutter that has text columns on
/// both sides: lines across the gutter (a title, notes across the page) cut the page into bands, and each band is
/// read left column first, each column cut again if it holds a gutter of its own. Each column (and each run of lines
/// across) becomes a region of its own, which text flows across as it flows across a page break.
/// </summary>
/// <remarks>
/// PdfPig's <c>RecursiveXYCut</c> and <c>UnsupervisedReadingOrderDetector</c> were tried for this: the cut splits at
/// every gap wider than a character, so a list's bullets and its items, or a number and its text, become blocks of
/// their own, and the detector orders blocks greedily by how many blocks each precedes, which put a heading after
/// its own list on the corpus's two-column page. Cutting whole lines at the one gutter found keeps them together,
/// and needs no word extraction on top of the lines already built.
/// </remarks>
internal static class ColumnReadingOrder
{
    private const int MaxDepth = 3;

    public static PageLines Apply(PageLines page) => Apply(page, ColumnOptions.Default);

    public static PageLines Apply(PageLines page, ColumnOptions options)
    {
        if (page.Lines.Count < 2 * options.MinLinesPerColumn || FindGutter(page.Lines, 0, page.Width, options) is null)
        {
            return page;
        }

        var regions = new List<List<TextLine>>();
        Split([.. page.Lines], 0, page.Width, options, regions, depth: 0);
        var ordered = new List<TextLine>(page.Lines.Count);
        for (var r = 0; r < regions.Count; r++)
        {
            var (left, right) = (regions[r].Min(l => l.Left), regions[r].Max(l => l.Right));
            ordered.AddRange(regions[r].Select(l => l with { Region = r + 1, RegionLeft = left, RegionRight = right }));
        }

        return page with { Lines = ordered };
    }

    /// <summary>Appends the regions of <paramref name="lines"/> (top to bottom) in reading order.</summary>
    private static void Split(List<TextLine> lines, double from, double to, ColumnOptions options, List<List<TextLine>> regions, int depth)
    {
        if (depth >= MaxDepth || FindGutter(lines, from, to, options) is not { } gutter)
        {
            regions.Add(lines);
            return;
        }

        List<TextLine> left = [], right = [], across = [];
        void FlushColumns()
        {
            if (left.Count > 0)
            {
                Split(left, from, gutter.Left, options, regions, depth + 1);
            }

            if (right.Count > 0)
            {
                Split(right, gutter.Right, to, options, regions, depth + 1);
            }

            (left, right) = ([], []);
        }

        foreach (var line in lines)
        {
            if (line.Right <= gutter.Left + options.BinWidth)
            {
                FlushAcross();
                left.Add(line);
            }
            else if (line.Left >= gutter.Right - options.BinWidth)
            {
                FlushAcross();
                right.Add(line);
            }
            else
            {
                FlushColumns();
                across.Add(line);
            }
        }

        FlushColumns();
        FlushAcross();

        void FlushAcross()
        {
            if (across.Count > 0)
            {
                regions.Add(across);
                across = [];
            }
        }
    }

    /// <summary>
    /// A vertical band in the middle of [<paramref name="from"/>, <paramref name="to"/>] that few lines cross, with text
    /// columns on both sides: enough lines, long enough, wide enough, beside each other. A side column (narrow), margin
    /// labels or a table of short cells is not a text column. Null when there is none.
    /// </summary>
    internal static (double Left, double Right)? FindGutter(IReadOnlyList<TextLine> all, double from, double to, ColumnOptions options)
    {
        var lines = all.Where(l => l.Text.Length >= 2).ToList();
        if (lines.Count < 2 * options.MinLinesPerColumn)
        {
            return null;
        }

        var width = to - from;
        var start = from + (width * options.MiddleStart);
        var bins = Math.Max(1, (int)Math.Ceiling(width * (options.MiddleEnd - options.MiddleStart) / options.BinWidth));
        var crossing = new int[bins];
        foreach (var line in lines)
        {
            var first = Math.Max(0, (int)Math.Floor((line.Left - start) / options.BinWidth));
            var last = Math.Min(bins - 1, (int)Math.Floor((line.Right - start) / options.BinWidth));
            for (var b = first; b <= last; b++)
            {
                crossing[b]++;
            }
        }

        // Lines across the gutter (a title, a footer, notes across the page) cross it; a few of them are allowed.
        var allowed = Math.Max(options.MinCrossingLines, (int)(lines.Count * options.CrossingShare));
        var minBins = (int)Math.Ceiling(options.MinGutter / options.BinWidth);
        for (var b = 0; b < bins; b++)
        {
            if (crossing[b] > allowed)
            {
                continue;
            }

            var end = b;
            while (end + 1 < bins && crossing[end + 1] <= allowed)
            {
                end++;
            }

            var gutter = (Left: start + (b * options.BinWidth), Right: start + ((end + 1) * options.BinWidth));
            if (end - b + 1 >= minBins && HoldsColumns(lines, gutter.Left, gutter.Right, width, options))
            {
                return gutter;
            }

            b = end;
        }

        return null;
    }

    private static bool HoldsColumns(List<TextLine> lines, double gutterLeft, double gutterRight, double width, ColumnOptions options)
    {
        var left = lines.Where(l => l.Right <= gutterLeft + options.BinWidth).ToList();
        var right = lines.Where(l => l.Left >= gutterRight - options.BinWidth).ToList();
        return IsTextColumn(left, width, options) && IsTextColumn(right, width, options)
            && Overlap(left, right) >= options.MinVerticalOverlap;
    }

    private static bool IsTextColumn(List<TextLine> lines, double width, ColumnOptions options) =>
        lines.Count >= options.MinLinesPerColumn
        && Median(lines.Select(l => (double)l.Text.Length)) >= options.MinMedianLineLength
        && Median(lines.Select(l => l.Right - l.Left)) >= width * options.MinColumnWidthShare;

    /// <summary>How much of the shorter column's height the other column stands beside.</summary>
    private static double Overlap(List<TextLine> a, List<TextLine> b)
    {
        var (aTop, aBottom) = (a.Max(l => l.Baseline), a.Min(l => l.Baseline));
        var (bTop, bBottom) = (b.Max(l => l.Baseline), b.Min(l => l.Baseline));
        var shorter = Math.Min(aTop - aBottom, bTop - bBottom);
        return shorter <= 0 ? 0 : Math.Max(0, Math.Min(aTop, bTop) - Math.Max(aBottom, bBottom)) / shorter;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}

/// <summary>What <see cref="ColumnReadingOrder"/> takes for a page in text columns, in points or shares of the page width.</summary>
internal sealed record ColumnOptions
{
    /// <summary>The values every letter is read with.</summary>
    public static ColumnOptions Default { get; } = new();

    /// <summary>A gutter lies in the middle of the page (or column), from this share of its width…</summary>
    public double MiddleStart { get; init; } = 0.25;

    /// <summary>…to this share: a side column or margin labels leave a gap nearer the edge.</summary>
    public double MiddleEnd { get; init; } = 0.75;

    /// <summary>The gutter is searched in bins this wide, in points.</summary>
    public double BinWidth { get; init; } = 2;

    /// <summary>A gutter is at least this wide, in points: a justified word space is narrower.</summary>
    public double MinGutter { get; init; } = 10;

    /// <summary>Lines crossing the gutter (a title, a footer above or below the columns): at least this many are allowed…</summary>
    public int MinCrossingLines { get; init; } = 3;

    /// <summary>…or this share of the page's lines.</summary>
    public double CrossingShare { get; init; } = 0.2;

    /// <summary>A text column has at least this many lines.</summary>
    public int MinLinesPerColumn { get; init; } = 8;

    /// <summary>Its lines have at least this many characters (median): labels and table cells are shorter.</summary>
    public double MinMedianLineLength { get; init; } = 25;

    /// <summary>Its lines are at least this share of the page (or column) wide (median): a side column is narrower.</summary>
    public double MinColumnWidthShare { get; init; } = 0.25;

    /// <summary>The two columns stand beside each other for at least this share of the shorter one's height.</summary>
    public double MinVerticalOverlap { get; init; } = 0.5;
}
