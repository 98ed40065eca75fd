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
        foreach (var letter in page.Letters)
        {
            if (letter.TextOrientation == orientation && !string.IsNullOrEmpty(letter.Value) && !IsInvisible(letter.Value))
            {
                glyphs.Add(Glyph.From(letter, orientation, page.Width, page.Height, fonts));
            }
        }

        var upright = orientation is TextOrientation.Rotate90 or TextOrientation.Rotate270;
        return new PageLines(page.Number, upright ? page.Height : page.Width, upright ? page.Width : page.Height, Lines(glyphs, page.Number, options));
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

        return new PageLines(pageNumber, width, height, Lines(glyphs, pageNumber, options));
    }

    /// <summary>The page's glyphs as lines, each with its footnote markers attached.</summary>
    private static List<TextLine> Lines(List<Glyph> glyphs, int pageNumber, LineBuilderOptions options)
    {
        // Segments are produced top to bottom, left to right within a baseline cluster: already reading order.
        var lines = new List<TextLine>();
        foreach (var segment in FootnoteMarkerAttacher.Attach(Segment(glyphs, options), options.Markers))
        {
            var line = ToLine(segment, pageNumber, options);
            if (line.Text.Length > 0 || line.Markers.Count > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
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
                previous = glyph; // measure the next gap from the marker, or "inflatie¹." reads "inflatie ."
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

                text.Append(glyph.Value);
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

        var bold = body.Bold * 2 > body.Visible;
        var italic = body.Italic * 2 > body.Visible;
        var left = body.Visible > 0 ? body.Left : glyphs[0].Left;
        var right = body.Visible > 0 ? body.Right : glyphs[^1].Right;
        var baseline = body.Count > 0 ? body.Baseline : glyphs[0].Baseline;
        return new TextLine(page, left, right, baseline, size, bold, italic, value, markers);
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
