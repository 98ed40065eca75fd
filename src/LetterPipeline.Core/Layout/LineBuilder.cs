using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;

namespace LetterPipeline.Core.Layout;

/// <summary>
/// Groups a page's glyphs into lines in one linear pass over baselines, with each line's footnote markers
/// attached (<see cref="FootnoteMarkerAttacher"/>).
/// </summary>
internal static class LineBuilder
{
    public static PageLines Build(Page page) => Build(page, LineBuilderOptions.Default);

    public static PageLines Build(Page page, LineBuilderOptions options)
    {
        // Read the page in the orientation most of its text has: a page set sideways (or a scan of one)
        // reads as well as an upright one, and a stamp or margin note across the grain stays out.
        var orientation = MainOrientation(page.Letters);
        var glyphs = new List<Glyph>(page.Letters.Count);
        var fonts = new Glyph.FontStyles();
        var glyphCount = 0;
        List<Letter>? across = null;
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrEmpty(letter.Value) || IsInvisible(letter.Value))
            {
                continue;
            }

            glyphCount += NonSpaceLength(letter.Value);
            if (letter.TextOrientation == orientation)
            {
                glyphs.Add(Glyph.From(letter, orientation, page.Width, page.Height, fonts));
            }
            else
            {
                (across ??= []).Add(letter);
            }
        }

        var lines = Lines(glyphs, page.Number, options, region: 0);
        var upright = orientation is TextOrientation.Rotate90 or TextOrientation.Rotate270;
        return new PageLines(page.Number, upright ? page.Height : page.Width, upright ? page.Width : page.Height, lines)
        {
            GlyphCount = glyphCount,
            Across = across is null ? [] : AcrossLines(across, page, options),
        };
    }

    /// <summary>
    /// Lines from text placed without a text layer (OCR), through the same stages as a PDF page's glyphs: each piece
    /// of text is one glyph, a word's end a space glyph, so markers, columns and spacing are found the same way.
    /// </summary>
    public static PageLines Build(int pageNumber, double width, double height, IReadOnlyList<PlacedText> texts, LineBuilderOptions options)
    {
        var glyphs = new List<Glyph>(texts.Count * 2);
        foreach (var t in texts)
        {
            glyphs.Add(new Glyph(t.Text, t.Left, Math.Max(t.Right, t.Left + 0.01), t.Baseline, t.Size, t.Bold, t.Italic, false, false));
            if (t.SpaceAfter)
            {
                glyphs.Add(new Glyph(" ", t.Right, t.Right + 0.01, t.Baseline, t.Size, false, false, true, false));
            }
        }

        return new PageLines(pageNumber, width, height, Lines(glyphs, pageNumber, options, region: 0))
        {
            GlyphCount = texts.Sum(t => NonSpaceLength(t.Text)),
        };
    }

    /// <summary>
    /// The lines of the text set across the main direction (a block turned on its side, a stamp), read per direction in
    /// that direction's own frame; each direction is a region of its own.
    /// </summary>
    private static List<TextLine> AcrossLines(List<Letter> letters, Page page, LineBuilderOptions options)
    {
        var lines = new List<TextLine>();
        var fonts = new Glyph.FontStyles();
        foreach (var group in letters.GroupBy(l => l.TextOrientation).OrderBy(g => g.Key))
        {
            // Text at an arbitrary angle has no frame to turn into: it is read as it lies.
            var frame = group.Key == TextOrientation.Other ? TextOrientation.Horizontal : group.Key;
            var glyphs = group.Select(l => Glyph.From(l, frame, page.Width, page.Height, fonts)).ToList();
            var turned = Lines(glyphs, page.Number, options, region: AcrossRegion + (int)group.Key);
            var (left, right) = turned.Count > 0 ? (turned.Min(l => l.Left), turned.Max(l => l.Right)) : (0, 0);
            lines.AddRange(turned.Select(l => l with { RegionLeft = left, RegionRight = right }));
        }

        return lines;
    }

    /// <summary>The first region number of text set across the page; below it are the page's text columns.</summary>
    public const int AcrossRegion = 100;

    private static List<TextLine> Lines(List<Glyph> glyphs, int page, LineBuilderOptions options, int region)
    {
        var lines = new List<TextLine>();
        foreach (var segment in FootnoteMarkerAttacher.Attach(Segment(glyphs, options), options.Markers))
        {
            FootnoteMarkerAttacher.MarkSuperscripts(segment);
            var line = ToLine(segment, page, options);
            if (line.Text.Length > 0 || line.Markers.Count > 0)
            {
                lines.Add(region == 0 ? line : line with { Region = region });
            }
        }

        // Segments were produced top to bottom, left to right within a baseline cluster: already reading order.
        return lines;
    }

    private static int NonSpaceLength(string value)
    {
        var count = 0;
        foreach (var c in value)
        {
            count += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return count;
    }

    /// <summary>
    /// Format characters only (zero-width space, byte-order mark, direction marks): nothing a reader sees, but drawn
    /// as glyphs by some producers, where they would split words in the text ("t\u200Bhe"). Not the soft hyphen:
    /// at the end of a line it tells <see cref="Parsing.LineJoiner"/> that the word goes on in the next.
    /// </summary>
    private static bool IsInvisible(string value)
    {
        foreach (var c in value)
        {
            if (c == '\u00AD' || char.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The orientation most letters have (not <see cref="TextOrientation.Other"/>); a tie goes to the one seen first.</summary>
    private static TextOrientation MainOrientation(IReadOnlyList<Letter> letters)
    {
        Span<int> counts = stackalloc int[5];
        Span<int> firstSeen = stackalloc int[5];
        for (var i = 0; i < letters.Count; i++)
        {
            var o = (int)letters[i].TextOrientation;
            if (o is > 0 and < 5 && counts[o]++ == 0)
            {
                firstSeen[o] = i;
            }
        }

        var best = TextOrientation.Horizontal;
        var bestCount = 0;
        var bestSeen = int.MaxValue;
        for (var o = 1; o < 5; o++)
        {
            if (counts[o] > bestCount || (counts[o] == bestCount && counts[o] > 0 && firstSeen[o] < bestSeen))
            {
                (best, bestCount, bestSeen) = ((TextOrientation)o, counts[o], firstSeen[o]);
            }
        }

        return best;
    }

    /// <summary>Clusters glyphs by baseline, then splits each cluster at wide horizontal gaps (columns).</summary>
    private static List<List<Glyph>> Segment(List<Glyph> glyphs, LineBuilderOptions options)
    {
        GlyphOrder.Sort(glyphs, static g => g.Baseline, descending: true);
        var segments = new List<List<Glyph>>();
        var start = 0;
        while (start < glyphs.Count)
        {
            var end = start + 1;
            var tolerance = Math.Max(options.MinBaselineTolerance, glyphs[start].Size * options.BaselineToleranceRatio);
            while (end < glyphs.Count && glyphs[start].Baseline - glyphs[end].Baseline <= tolerance)
            {
                end++;
            }

            var cluster = glyphs.GetRange(start, end - start);
            GlyphOrder.Sort(cluster, static g => g.Left);
            var current = new List<Glyph> { cluster[0] };
            for (var i = 1; i < cluster.Count; i++)
            {
                var previous = current[^1];
                var size = Math.Max(previous.Size, cluster[i].Size);
                var gap = cluster[i].Left - previous.Right;
                if (gap > Math.Max(options.ColumnGapRatio * size, options.MinColumnGap)
                    || (gap > options.SmallTypeColumnGapRatio * size && Math.Min(previous.Size, cluster[i].Size) < size * options.SmallTypeRatio))
                {
                    segments.Add(current);
                    current = [];
                }

                current.Add(cluster[i]);
            }

            segments.Add(current);
            start = end;
        }

        return segments;
    }

    private static TextLine ToLine(List<Glyph> glyphs, int page, LineBuilderOptions options)
    {
        var text = new StringBuilder(glyphs.Count + 8);
        var markers = new List<LineMarker>();
        var body = Summarise(glyphs);
        var size = body.Count > 0 ? Glyph.MedianSize(glyphs, includeMarkers: false) : glyphs[0].Size;
        var (wordGap, gapAfterMarker) = WordGap(glyphs, size, options.WordGaps);
        Glyph? previous = null;
        Glyph? lastVisible = null;
        List<StyleRun>? styles = null;
        List<LineGap>? gaps = null;
        StringBuilder? pendingMarker = null;
        var markerOffset = 0;
        foreach (var glyph in glyphs)
        {
            if (glyph.IsMarker)
            {
                if (pendingMarker is null)
                {
                    pendingMarker = new StringBuilder();
                    markerOffset = text.Length > 0 && text[^1] == ' ' ? text.Length - 1 : text.Length;
                }

                pendingMarker.Append(glyph.Value);
                previous = lastVisible = glyph; // measure the next gap from the marker, or "inflatie¹." reads "inflatie ."
                continue;
            }

            if (pendingMarker is not null)
            {
                markers.Add(new LineMarker(pendingMarker.ToString(), markerOffset));
                pendingMarker = null;
            }

            if (glyph.IsSpace)
            {
                if (text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                }
            }
            else
            {
                if (previous is { IsSpace: false } p && text.Length > 0 && text[^1] != ' ' && glyph.Left - p.Right > (p.IsMarker ? gapAfterMarker : wordGap))
                {
                    text.Append(' ');
                }

                if (glyph.Bold || glyph.Italic)
                {
                    StyleRuns.Extend(ref styles, text.Length, glyph.Value.Length, glyph.Bold, glyph.Italic);
                }

                if (lastVisible is not null && glyph.Left - lastVisible.Right >= options.CellGapRatio * size)
                {
                    (gaps ??= []).Add(new LineGap(text.Length, glyph.Left, lastVisible.Right));
                }

                text.Append(glyph.Value);
                lastVisible = glyph;
            }

            previous = glyph;
        }

        if (pendingMarker is not null)
        {
            markers.Add(new LineMarker(pendingMarker.ToString(), markerOffset));
        }

        var trimmedStart = 0;
        while (trimmedStart < text.Length && text[trimmedStart] == ' ')
        {
            trimmedStart++;
        }

        var value = text.ToString().Trim();
        for (var i = 0; i < markers.Count; i++)
        {
            var offset = trimmedStart > 0 ? Math.Max(0, markers[i].Offset - trimmedStart) : markers[i].Offset;
            markers[i] = markers[i] with { Offset = Math.Min(offset, value.Length) };
        }

        if (styles is not null && trimmedStart > 0)
        {
            styles = styles.Select(r => r with { Start = Math.Max(0, r.Start - trimmedStart) }).ToList();
        }

        if (gaps is not null && trimmedStart > 0)
        {
            gaps = gaps.Select(g => g with { Index = g.Index - trimmedStart }).ToList();
        }

        var bold = body.Bold * 2 > body.Visible;
        var italic = body.Italic * 2 > body.Visible;
        var left = body.Visible > 0 ? body.Left : glyphs[0].Left;
        var right = body.Visible > 0 ? body.Right : glyphs[^1].Right;
        var baseline = body.Count > 0 ? body.Baseline : glyphs[0].Baseline;
        return new TextLine(page, left, right, baseline, size, bold, italic, value, markers)
        {
            Styles = styles ?? (IReadOnlyList<StyleRun>)[],
            Gaps = gaps ?? (IReadOnlyList<LineGap>)[],
        };
    }

    /// <summary>The smallest gaps that read as a space in this line, between glyphs and after a marker (<see cref="WordGaps"/>).</summary>
    private static (double Inside, double AfterMarker) WordGap(List<Glyph> glyphs, double size, WordGapOptions options)
    {
        var gaps = new WordGaps(glyphs.Count <= 256 ? stackalloc double[glyphs.Count] : new double[glyphs.Count], size, options);
        foreach (var glyph in glyphs)
        {
            if (glyph.IsMarker)
            {
                gaps.Break();
            }
            else
            {
                gaps.Add(glyph.Left, glyph.Right, glyph.IsSpace);
            }
        }

        return gaps.MinimumWordGaps();
    }

    /// <summary>Counts and extent of a line's body glyphs (markers left out); <c>Visible</c> counts those that are not spaces.</summary>
    private static (int Count, int Visible, int Bold, int Italic, double Left, double Right, double Baseline) Summarise(List<Glyph> glyphs)
    {
        var (count, visible, bold, italic, left, right, baseline) = (0, 0, 0, 0, double.MaxValue, double.MinValue, 0.0);
        foreach (var g in glyphs)
        {
            if (g.IsMarker)
            {
                continue;
            }

            if (count++ == 0)
            {
                baseline = g.Baseline;
            }

            if (g.IsSpace)
            {
                continue;
            }

            // As Enumerable.Min/Max: a NaN left wins, a NaN right is passed over.
            left = visible == 0 ? g.Left : Math.Min(left, g.Left);
            right = visible == 0 || g.Right > right || double.IsNaN(right) ? g.Right : right;
            visible++;
            bold += g.Bold ? 1 : 0;
            italic += g.Italic ? 1 : 0;
        }

        return (count, visible, bold, italic, left, right, baseline);
    }
}
