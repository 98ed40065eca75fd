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
        var orientation = page.Letters.Where(l => l.TextOrientation != TextOrientation.Other)
            .GroupBy(l => l.TextOrientation).OrderByDescending(g => g.Count()).Select(g => g.Key)
            .DefaultIfEmpty(TextOrientation.Horizontal).First();
        var glyphs = new List<Glyph>(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            if (letter.TextOrientation == orientation && !string.IsNullOrEmpty(letter.Value))
            {
                glyphs.Add(Glyph.From(letter, orientation, page.Width, page.Height));
            }
        }

        var segments = Segment(glyphs);
        var lines = AttachMarkers(segments, page.Number);
        var upright = orientation is TextOrientation.Rotate90 or TextOrientation.Rotate270;
        return new PageLines(page.Number, upright ? page.Height : page.Width, upright ? page.Width : page.Height, lines);
    }

    /// <summary>Clusters glyphs by baseline, then splits each cluster at wide horizontal gaps (columns).</summary>
    private static List<List<Glyph>> Segment(List<Glyph> glyphs)
    {
        glyphs.Sort((a, b) => b.Baseline.CompareTo(a.Baseline));
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
            cluster.Sort((a, b) => a.Left.CompareTo(b.Left));
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
        for (var i = 0; i < segments.Count; i++)
        {
            if (!LooksLikeMarker(segments[i]))
            {
                continue;
            }

            var host = FindHost(segments, i);
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
                glyphs.Sort((a, b) => a.Left.CompareTo(b.Left));
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

    /// <summary>The line a raised marker belongs to: bigger text whose baseline sits a little below it, horizontally touching.</summary>
    private static int FindHost(List<List<Glyph>> segments, int markerIndex)
    {
        var marker = segments[markerIndex].Where(g => !g.IsSpace).ToList();
        var markerSize = marker[0].Size;
        var markerBaseline = marker[0].Baseline;
        var best = -1;
        var bestRise = double.MaxValue;
        for (var i = 0; i < segments.Count; i++)
        {
            if (i == markerIndex || LooksLikeMarker(segments[i]))
            {
                continue;
            }

            var line = segments[i];
            var size = MedianSize(line);
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
        var body = glyphs.Where(g => !g.IsMarker).ToList();
        var size = body.Count > 0 ? MedianSize(body) : glyphs[0].Size;
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
                if (previous is { IsSpace: false } p && text.Length > 0 && text[^1] != ' ' && glyph.Left - p.Right > 0.18 * size)
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
        if (trimmedStart > 0)
        {
            markers = markers.Select(m => m with { Offset = Math.Max(0, m.Offset - trimmedStart) }).ToList();
        }

        markers = markers.Select(m => m with { Offset = Math.Min(m.Offset, value.Length) }).ToList();
        var visible = body.Where(g => !g.IsSpace).ToList();
        var bold = visible.Count(g => g.Bold) * 2 > visible.Count;
        var italic = visible.Count(g => g.Italic) * 2 > visible.Count;
        var left = visible.Count > 0 ? visible.Min(g => g.Left) : glyphs[0].Left;
        var right = visible.Count > 0 ? visible.Max(g => g.Right) : glyphs[^1].Right;
        var baseline = body.Count > 0 ? body[0].Baseline : glyphs[0].Baseline;
        return new TextLine(page, left, right, baseline, size, bold, italic, value, markers);
    }

    private static double MedianSize(List<Glyph> glyphs)
    {
        var sizes = glyphs.Where(g => !g.IsSpace).Select(g => g.Size).Order().ToArray();
        return sizes.Length == 0 ? glyphs[0].Size : sizes[sizes.Length / 2];
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
        public static Glyph From(Letter letter, TextOrientation orientation, double pageWidth, double pageHeight)
        {
            var (start, end) = (Turn(letter.StartBaseLine, orientation, pageWidth, pageHeight), Turn(letter.EndBaseLine, orientation, pageWidth, pageHeight));
            var font = letter.FontName ?? "";
            var details = letter.FontDetails;
            var bold = (details?.IsBold ?? false) || font.Contains("Bold", StringComparison.OrdinalIgnoreCase)
                || font.Contains("Black", StringComparison.OrdinalIgnoreCase) || font.Contains("Heavy", StringComparison.OrdinalIgnoreCase);
            var italic = (details?.IsItalic ?? false) || font.Contains("Italic", StringComparison.OrdinalIgnoreCase)
                || font.Contains("Oblique", StringComparison.OrdinalIgnoreCase);
            var left = start.X;
            var right = Math.Max(end.X, left + 0.01);
            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(1, letter.BoundingBox.Height);
            return new Glyph(letter.Value, left, right, start.Y, size, bold, italic,
                string.IsNullOrWhiteSpace(letter.Value), false);
        }
    }
}
