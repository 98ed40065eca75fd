using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace LetterPipeline.Core.Layout;

/// <summary>One glyph of a page in the frame where its text runs left to right; <see cref="IsMarker"/> once attached as a footnote marker.</summary>
internal sealed record Glyph(string Value, double Left, double Right, double Baseline, double Size, bool Bold, bool Italic, bool IsSpace, bool IsMarker)
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

    /// <summary>
    /// The median size of the glyphs that are not spaces (and not markers, unless <paramref name="includeMarkers"/>);
    /// the first such glyph's size when all are spaces.
    /// </summary>
    public static double MedianSize(List<Glyph> glyphs, bool includeMarkers)
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
    private static (double X, double Y) Turn(PdfPoint p, TextOrientation orientation, double width, double height) =>
        orientation switch
        {
            TextOrientation.Rotate90 => (height - p.Y, p.X),
            TextOrientation.Rotate270 => (p.Y, width - p.X),
            TextOrientation.Rotate180 => (width - p.X, height - p.Y),
            _ => (p.X, p.Y),
        };

    /// <summary>Bold and italic as the font's name says, remembered for the last name seen: letters come in runs of one font.</summary>
    internal sealed class FontStyles
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
}
