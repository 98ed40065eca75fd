using System.Buffers;
using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;

namespace LetterPipeline.Core.Layout;

/// <summary>
/// Groups a page's glyphs into lines in one linear pass over baselines, and attaches footnote markers
/// (raised, smaller digits) to the line they belong to, before any segmentation can split them off.
/// </summary>
public static class LineBuilder
{
    /// <summary>A marker is smaller than this share of its line's size.</summary>
    private const double MarkerSizeRatio = 0.85;

    public static PageLines Build(Page page)
    {
        // Read the page in the orientation most of its text has: a page set sideways (or a scan of one)
        // reads as well as an upright one, and a stamp or margin note across the grain stays out.
        var orientation = MainOrientation(page.Letters);
        var glyphs = new List<Glyph>(page.Letters.Count);
        var fonts = new FontStyles();
        foreach (var letter in page.Letters)
        {
            if (letter.TextOrientation == orientation && !string.IsNullOrEmpty(letter.Value) && !IsInvisible(letter.Value))
            {
                glyphs.Add(Glyph.From(letter, orientation, page.Width, page.Height, fonts));
            }
        }

        var segments = Segment(glyphs);
        var lines = AttachMarkers(segments, page.Number);
        var upright = orientation is TextOrientation.Rotate90 or TextOrientation.Rotate270;
        return new PageLines(page.Number, upright ? page.Height : page.Width, upright ? page.Width : page.Height, lines);
    }

    /// <summary>
    /// Lines from text placed without a text layer (OCR), through the same stages as a PDF page's glyphs: each piece
    /// of text is one glyph, a word's end a space glyph, so markers, columns and spacing are found the same way.
    /// </summary>
    internal static PageLines Build(int pageNumber, double width, double height, IReadOnlyList<PlacedText> texts)
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

        return new PageLines(pageNumber, width, height, AttachMarkers(Segment(glyphs), pageNumber));
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
    private static List<List<Glyph>> Segment(List<Glyph> glyphs)
    {
        GlyphOrder.Sort(glyphs, static g => g.Baseline, descending: true);
        var segments = new List<List<Glyph>>();
        var start = 0;
        while (start < glyphs.Count)
        {
            var end = start + 1;
            var tolerance = Math.Max(0.8, glyphs[start].Size * 0.2);
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
                if (cluster[i].Left - previous.Right > Math.Max(2.2 * size, 14))
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

    private static List<TextLine> AttachMarkers(List<List<Glyph>> segments, int page)
    {
        var isMarker = new bool[segments.Count];
        var attached = new List<Glyph>?[segments.Count];
        var looksLikeMarker = new bool[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            looksLikeMarker[i] = LooksLikeMarker(segments[i]);
        }

        double[]? medianSizes = null;
        for (var i = 0; i < segments.Count; i++)
        {
            if (!looksLikeMarker[i])
            {
                continue;
            }

            medianSizes ??= MedianSizes(segments, looksLikeMarker);
            var host = FindHost(segments, i, looksLikeMarker, medianSizes);
            if (host >= 0)
            {
                isMarker[i] = true;
                (attached[host] ??= []).AddRange(segments[i].Where(g => !g.IsSpace).Select(g => g with { IsMarker = true }));
            }
        }

        var lines = new List<TextLine>(segments.Count);
        for (var i = 0; i < segments.Count; i++)
        {
            if (isMarker[i])
            {
                continue;
            }

            var glyphs = segments[i];
            if (attached[i] is { } markers)
            {
                glyphs = [.. glyphs, .. markers];
                GlyphOrder.Sort(glyphs, static g => g.Left);
            }

            var line = ToLine(glyphs, page);
            if (line.Text.Length > 0 || line.Markers.Count > 0)
            {
                lines.Add(line);
            }
        }

        // Segments were produced top to bottom, left to right within a baseline cluster: already reading order.
        return lines;
    }

    private static bool LooksLikeMarker(List<Glyph> segment)
    {
        var digits = 0;
        foreach (var glyph in segment)
        {
            if (glyph.IsSpace)
            {
                continue;
            }

            if (glyph.Value.Length != 1 || !char.IsAsciiDigit(glyph.Value[0]))
            {
                return false;
            }

            digits++;
        }

        return digits is > 0 and <= 3;
    }

    /// <summary>Each segment's median glyph size, for the segments that can host a marker (0 for the others).</summary>
    private static double[] MedianSizes(List<List<Glyph>> segments, bool[] looksLikeMarker)
    {
        var sizes = new double[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            sizes[i] = looksLikeMarker[i] ? 0 : MedianSize(segments[i], includeMarkers: true);
        }

        return sizes;
    }

    /// <summary>The line a raised marker belongs to: bigger text whose baseline sits a little below it, horizontally touching.</summary>
    private static int FindHost(List<List<Glyph>> segments, int markerIndex, bool[] looksLikeMarker, double[] medianSizes)
    {
        var marker = segments[markerIndex].Where(g => !g.IsSpace).ToList();
        var markerSize = marker[0].Size;
        var markerBaseline = marker[0].Baseline;
        var best = -1;
        var bestRise = double.MaxValue;
        for (var i = 0; i < segments.Count; i++)
        {
            if (i == markerIndex || looksLikeMarker[i])
            {
                continue;
            }

            var line = segments[i];
            var size = medianSizes[i];
            var rise = markerBaseline - line[0].Baseline;
            if (markerSize >= size * MarkerSizeRatio || rise <= 0.1 * size || rise > 0.75 * size)
            {
                continue;
            }

            // A footnote label may hang left of its text ("¹⁰ Tweede Kamer…"); a marker follows its word.
            if (marker[0].Left < line[0].Left - 2 * size || marker[^1].Right > line[^1].Right + 2 * size)
            {
                continue;
            }

            if (rise < bestRise)
            {
                bestRise = rise;
                best = i;
            }
        }

        return best;
    }

    private static TextLine ToLine(List<Glyph> glyphs, int page)
    {
        var text = new StringBuilder(glyphs.Count + 8);
        var markers = new List<LineMarker>();
        var body = Summarise(glyphs);
        var size = body.Count > 0 ? MedianSize(glyphs, includeMarkers: false) : glyphs[0].Size;
        var (wordGap, gapAfterMarker) = WordGap(glyphs, size);
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
    private static (double Inside, double AfterMarker) WordGap(List<Glyph> glyphs, double size)
    {
        var gaps = new WordGaps(glyphs.Count <= 256 ? stackalloc double[glyphs.Count] : new double[glyphs.Count], size);
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

    /// <summary>
    /// The median size of the glyphs that are not spaces (and not markers, unless <paramref name="includeMarkers"/>);
    /// the first such glyph's size when all are spaces.
    /// </summary>
    private static double MedianSize(List<Glyph> glyphs, bool includeMarkers)
    {
        var buffer = glyphs.Count <= 512 ? stackalloc double[glyphs.Count] : new double[glyphs.Count];
        var n = 0;
        double? first = null;
        foreach (var g in glyphs)
        {
            if (g.IsMarker && !includeMarkers)
            {
                continue;
            }

            first ??= g.Size;
            if (!g.IsSpace)
            {
                buffer[n++] = g.Size;
            }
        }

        if (n == 0)
        {
            return first ?? glyphs[0].Size;
        }

        var sizes = buffer[..n];
        sizes.Sort();
        return sizes[n / 2];
    }

    /// <summary>Coordinates in the frame where text of <paramref name="orientation"/> runs left to right.</summary>
    private static (double X, double Y) Turn(UglyToad.PdfPig.Core.PdfPoint p, TextOrientation orientation, double width, double height) =>
        orientation switch
        {
            TextOrientation.Rotate90 => (height - p.Y, p.X),
            TextOrientation.Rotate270 => (p.Y, width - p.X),
            TextOrientation.Rotate180 => (width - p.X, height - p.Y),
            _ => (p.X, p.Y),
        };

    private sealed record Glyph(string Value, double Left, double Right, double Baseline, double Size, bool Bold, bool Italic, bool IsSpace, bool IsMarker)
    {
        public static Glyph From(Letter letter, TextOrientation orientation, double pageWidth, double pageHeight, FontStyles fonts)
        {
            var (start, end) = (Turn(letter.StartBaseLine, orientation, pageWidth, pageHeight), Turn(letter.EndBaseLine, orientation, pageWidth, pageHeight));
            var details = letter.FontDetails;
            var (boldName, italicName) = fonts.Of(letter.FontName ?? "");
            var bold = (details?.IsBold ?? false) || boldName;
            var italic = (details?.IsItalic ?? false) || italicName;
            var left = start.X;
            var right = Math.Max(end.X, left + 0.01);
            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(1, letter.BoundingBox.Height);
            return new Glyph(letter.Value, left, right, start.Y, size, bold, italic,
                string.IsNullOrWhiteSpace(letter.Value), false);
        }
    }

    /// <summary>Bold and italic as the font's name says, remembered for the last name seen: letters come in runs of one font.</summary>
    private sealed class FontStyles
    {
        private string? name;
        private (bool Bold, bool Italic) style;

        public (bool Bold, bool Italic) Of(string font)
        {
            if (!ReferenceEquals(font, name) && font != name)
            {
                name = font;
                style = (font.Contains("Bold", StringComparison.OrdinalIgnoreCase)
                    || font.Contains("Black", StringComparison.OrdinalIgnoreCase) || font.Contains("Heavy", StringComparison.OrdinalIgnoreCase),
                    font.Contains("Italic", StringComparison.OrdinalIgnoreCase) || font.Contains("Oblique", StringComparison.OrdinalIgnoreCase));
            }

            return style;
        }
    }

    /// <summary>
    /// Sorts glyphs by one coordinate, ties kept in content-stream order: the order is the same on every run and
    /// platform, and sorting keys in a struct array spares a delegate call per comparison (sorting was a third of
    /// the layout pass).
    /// </summary>
    private static class GlyphOrder
    {
        public static void Sort(List<Glyph> glyphs, Func<Glyph, double> coordinate, bool descending = false)
        {
            if (glyphs.Count < 2)
            {
                return;
            }

            var count = glyphs.Count;
            var keys = ArrayPool<Key>.Shared.Rent(count);
            var original = ArrayPool<Glyph>.Shared.Rent(count);
            for (var i = 0; i < count; i++)
            {
                original[i] = glyphs[i];
                keys[i] = new Key(coordinate(original[i]), i, descending);
            }

            Array.Sort(keys, 0, count);
            for (var i = 0; i < count; i++)
            {
                glyphs[i] = original[keys[i].Index];
            }

            ArrayPool<Key>.Shared.Return(keys);
            ArrayPool<Glyph>.Shared.Return(original, clearArray: true);
        }

        private readonly record struct Key(double Value, int Index, bool Descending) : IComparable<Key>
        {
            public int CompareTo(Key other)
            {
                var byValue = Descending ? other.Value.CompareTo(Value) : Value.CompareTo(other.Value);
                return byValue != 0 ? byValue : Index.CompareTo(other.Index);
            }
        }
    }
}
