using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing;

/// <summary>A table found on a page: its rows, each a list of cells (by column), each cell its lines top to bottom.</summary>
internal sealed record TableRegion(int Id, int Page, IReadOnlyList<IReadOnlyList<IReadOnlyList<TextLine>>> Rows)
{
    /// <summary>The table's lines in reading order: row by row, cell by cell, each cell top to bottom.</summary>
    public IEnumerable<TextLine> Lines => Rows.SelectMany(r => r.SelectMany(c => c));
}

/// <summary>
/// Finds tables (a besluitenlijst's "Volgcommissie(s)" list, a bijlage's overview of tasks): runs of visual lines
/// whose fragments stand in three or more aligned columns, no fragment reaching into the next column. The lines of a
/// table are put in reading order, row by row and cell by cell, and marked with their table, so that no cell is set
/// aside as a side column and the text of a cell is not interleaved with its neighbours'. A row starts where the key
/// column (the first column that most lines use) opens a new fragment: one not continuing a word or a sentence.
/// </summary>
internal static class TableDetector
{
    /// <param name="pages">The pages, lines in reading order.</param>
    /// <param name="style">The body's typography.</param>
    /// <param name="notTables">Lines known to be something else (a table of contents, whose entries, numbers and page
    /// numbers also stand in columns): a run of rows holding one of them is no table.</param>
    public static (IReadOnlyList<PageLines> Pages, IReadOnlyList<TableRegion> Tables) Detect(IReadOnlyList<PageLines> pages, BodyStyle style,
        IReadOnlySet<TextLine>? notTables = null) =>
        Detect(pages, style, TableOptions.Default, notTables);

    public static (IReadOnlyList<PageLines> Pages, IReadOnlyList<TableRegion> Tables) Detect(IReadOnlyList<PageLines> pages, BodyStyle style, TableOptions options,
        IReadOnlySet<TextLine>? notTables = null)
    {
        var tables = new List<TableRegion>();
        var result = new List<PageLines>(pages.Count);
        foreach (var page in pages)
        {
            // A page read column by column has its own order already; its columns are no table.
            if (page.Lines.Count < options.MinRows || page.Lines.Any(l => l.Region != 0) || !HasWideRows(page.Lines, options))
            {
                result.Add(page);
                continue;
            }

            // Cells set close together may share a line: cut lines at their wide gaps to look for columns.
            var parts = page.Lines.SelectMany((line, index) => Cut(line).Select(part => (Part: part, Source: index))).ToList();
            var rows = VisualLines(parts, options);
            var lines = new List<TextLine>(page.Lines.Count);
            var found = false;
            for (var i = 0; i < rows.Count;)
            {
                var end = TableEnd(rows, i, style, options);
                if (end >= 0 && notTables is { Count: > 0 } && rows.Skip(i).Take(end - i).Any(r => r.Any(p => notTables.Contains(page.Lines[p.Source]))))
                {
                    end = -1;
                }

                if (end < 0)
                {
                    lines.AddRange(rows[i++].Select(p => p.Source).Distinct().Order().Select(s => page.Lines[s]));
                    continue;
                }

                var table = Build(tables.Count + 1, page.Number, rows.GetRange(i, end - i).Select(r => r.Select(p => p.Part).ToList()).ToList(), options);
                tables.Add(table);
                found = true;
                lines.AddRange(table.Lines);
                i = end;
            }

            result.Add(found ? page with { Lines = lines } : page);
        }

        return (result, tables);
    }

    /// <summary>
    /// Whether enough visual lines have <see cref="TableOptions.MinColumns"/> parts for a table: counted from the lines'
    /// gaps, grouped as <see cref="VisualLines"/> groups them, before any line is cut (most pages have no table).
    /// </summary>
    private static bool HasWideRows(IReadOnlyList<TextLine> lines, TableOptions options)
    {
        var (wide, parts, baseline) = (0, 0, double.NaN);
        foreach (var line in lines)
        {
            if (!(Math.Abs(baseline - line.Baseline) <= options.BaselineTolerance))
            {
                wide += parts >= options.MinColumns ? 1 : 0;
                (parts, baseline) = (0, line.Baseline);
            }

            parts += line.Gaps.Count + 1;
        }

        wide += parts >= options.MinColumns ? 1 : 0;
        return wide >= options.MinWideRows;
    }

    /// <summary>The page's line parts grouped by baseline, top to bottom (the line builder made them in that order), each group left to right.</summary>
    private static List<List<(TextLine Part, int Source)>> VisualLines(List<(TextLine Part, int Source)> parts, TableOptions options)
    {
        var rows = new List<List<(TextLine Part, int Source)>>();
        foreach (var part in parts)
        {
            if (rows.Count > 0 && Math.Abs(rows[^1][0].Part.Baseline - part.Part.Baseline) <= options.BaselineTolerance)
            {
                rows[^1].Add(part);
            }
            else
            {
                rows.Add([part]);
            }
        }

        foreach (var row in rows)
        {
            row.Sort((a, b) => a.Part.Left.CompareTo(b.Part.Left));
        }

        return rows;
    }

    /// <summary>The line cut at its wide gaps (<see cref="TextLine.Gaps"/>), each part with its own text, edges, markers and styles.</summary>
    private static IEnumerable<TextLine> Cut(TextLine line)
    {
        if (line.Gaps.Count == 0)
        {
            yield return line;
            yield break;
        }

        for (var k = 0; k <= line.Gaps.Count; k++)
        {
            var start = k == 0 ? 0 : Math.Clamp(line.Gaps[k - 1].Index, 0, line.Text.Length);
            var end = k == line.Gaps.Count ? line.Text.Length : Math.Clamp(line.Gaps[k].Index, start, line.Text.Length);
            var last = k == line.Gaps.Count;
            yield return line with
            {
                Text = line.Text[start..end].TrimEnd(),
                Left = k == 0 ? line.Left : line.Gaps[k - 1].Left,
                Right = last ? line.Right : line.Gaps[k].PreviousRight,
                Markers = line.Markers.Where(m => m.Offset >= start && (last || m.Offset < end)).Select(m => m with { Offset = Math.Min(m.Offset - start, end - start) }).ToArray(),
                Styles = line.Styles.Where(r => r.Start < end && r.Start + r.Length > start)
                    .Select(r => new StyleRun(Math.Max(r.Start, start) - start, Math.Min(r.Start + r.Length, end) - Math.Max(r.Start, start), r.Bold, r.Italic)).ToArray(),
                Gaps = [],
            };
        }
    }

    /// <summary>Where a table starting at visual line <paramref name="start"/> ends (exclusive), or -1 when none starts there.</summary>
    private static int TableEnd(List<List<(TextLine Part, int Source)>> rows, int start, BodyStyle style, TableOptions options)
    {
        if (rows[start].Count < options.MinColumns)
        {
            return -1;
        }

        var anchors = rows[start].Select(p => p.Part.Left).ToList();
        var wide = 1;
        var end = start + 1;
        while (end < rows.Count && rows[end - 1][0].Part.Baseline - rows[end][0].Part.Baseline <= style.LinePitch * options.MaxRowGapPitches
            && Fits(rows[end].Select(p => p.Part).ToList(), anchors, options))
        {
            wide += rows[end].Count >= options.MinColumns ? 1 : 0;
            end++;
        }

        return end - start >= options.MinRows && wide >= options.MinWideRows ? end : -1;
    }

    /// <summary>
    /// A visual line belongs to the table when each fragment starts at a column and stays short of the next one; a
    /// line with as many fragments as a table row may bring columns of its own (a header left empty above them).
    /// </summary>
    private static bool Fits(List<TextLine> row, List<double> anchors, TableOptions options)
    {
        var matched = 0;
        foreach (var line in row)
        {
            var column = Column(line, anchors, options);
            if (column >= 0 && (column + 1 == anchors.Count || line.Right <= anchors[column + 1] - options.MinColumnGap))
            {
                matched++;
            }
        }

        if (matched == row.Count)
        {
            return true;
        }

        if (row.Count >= options.MinColumns && matched >= 2)
        {
            anchors.AddRange(row.Where(l => Column(l, anchors, options) < 0).Select(l => l.Left));
            anchors.Sort();
            return true;
        }

        return false;
    }

    private static int Column(TextLine line, List<double> anchors, TableOptions options)
    {
        for (var c = 0; c < anchors.Count; c++)
        {
            if (Math.Abs(line.Left - anchors[c]) <= options.AnchorTolerance)
            {
                return c;
            }
        }

        return -1;
    }

    private static TableRegion Build(int id, int page, List<List<TextLine>> visual, TableOptions options)
    {
        // Columns: the left edges the fragments share, merged within a few points.
        var anchors = new List<double>();
        foreach (var left in visual.SelectMany(r => r).Select(l => l.Left).Order())
        {
            if (anchors.Count == 0 || left - anchors[^1] > options.AnchorTolerance)
            {
                anchors.Add(left);
            }
        }

        int ColumnOf(TextLine line) => anchors.FindLastIndex(a => a <= line.Left + options.AnchorTolerance) is var c and >= 0 ? c : 0;

        // The key column: the first one at least half the lines use.
        var key = Enumerable.Range(0, anchors.Count).FirstOrDefault(c => visual.Count(r => r.Any(l => ColumnOf(l) == c)) * 2 >= visual.Count);
        var rows = new List<List<TextLine>[]>();
        TextLine? lastKey = null;
        foreach (var row in visual)
        {
            var keyLine = row.FirstOrDefault(l => ColumnOf(l) == key);
            var startsRow = rows.Count == 0 || (keyLine is not null && !Continues(lastKey, keyLine));
            if (startsRow)
            {
                rows.Add(Enumerable.Range(0, anchors.Count).Select(_ => new List<TextLine>()).ToArray());
            }

            foreach (var line in row)
            {
                rows[^1][ColumnOf(line)].Add(line with { Table = id });
            }

            lastKey = keyLine ?? lastKey;
        }

        return new TableRegion(id, page, rows.Select(r => (IReadOnlyList<IReadOnlyList<TextLine>>)r.Select(c => (IReadOnlyList<TextLine>)c).ToArray()).ToArray());
    }

    /// <summary>A fragment continues the cell above when it goes on in lower case or the one above broke a word.</summary>
    private static bool Continues(TextLine? above, TextLine line) =>
        above is not null && line.Text.Length > 0 && (char.IsLower(line.Text[0]) || above.Text.EndsWith('-'));
}

/// <summary>What <see cref="TableDetector"/> takes for a table, in points or multiples of the body's line pitch.</summary>
internal sealed record TableOptions
{
    /// <summary>The values every letter is read with.</summary>
    public static TableOptions Default { get; } = new();

    /// <summary>Fragments within this many points of one baseline stand on one visual line.</summary>
    public double BaselineTolerance { get; init; } = 2;

    /// <summary>A table has at least this many columns on its first line and on <see cref="MinWideRows"/> lines: two are a label and its text, or a side column.</summary>
    public int MinColumns { get; init; } = 3;

    /// <summary>A table has at least this many visual lines…</summary>
    public int MinRows { get; init; } = 3;

    /// <summary>…of which this many show <see cref="MinColumns"/> columns.</summary>
    public int MinWideRows { get; init; } = 2;

    /// <summary>A fragment starts at a column when its left edge is within this many points of the column's.</summary>
    public double AnchorTolerance { get; init; } = 4;

    /// <summary>A fragment ends at least this many points before the next column starts.</summary>
    public double MinColumnGap { get; init; } = 3;

    /// <summary>The table's visual lines follow each other within this many body line pitches.</summary>
    public double MaxRowGapPitches { get; init; } = 2.5;
}
