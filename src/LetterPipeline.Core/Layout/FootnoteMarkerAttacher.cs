namespace LetterPipeline.Core.Layout;

/// <summary>
/// Attaches footnote markers (raised, smaller digits) to the line they belong to. A marker sits on a baseline of
/// its own, so the line builder first sees it as a segment apart; it must rejoin its line here, before any
/// segmentation can split it off for good.
/// </summary>
internal static class FootnoteMarkerAttacher
{
    /// <summary>
    /// The segments that are lines, in their order, each with the markers it hosts merged in by position and
    /// flagged <see cref="Glyph.IsMarker"/>; a segment taken as a marker is left out.
    /// </summary>
    public static List<List<Glyph>> Attach(List<List<Glyph>> segments, FootnoteMarkerOptions options)
    {
        var isMarker = new bool[segments.Count];
        var attached = new List<Glyph>?[segments.Count];
        var looksLikeMarker = new bool[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            looksLikeMarker[i] = LooksLikeMarker(segments[i], options);
        }

        double[]? medianSizes = null;
        for (var i = 0; i < segments.Count; i++)
        {
            if (!looksLikeMarker[i])
            {
                continue;
            }

            medianSizes ??= MedianSizes(segments, looksLikeMarker);
            var host = FindHost(segments, i, looksLikeMarker, medianSizes, options);
            if (host >= 0)
            {
                isMarker[i] = true;
                (attached[host] ??= []).AddRange(segments[i].Where(g => !g.IsSpace).Select(g => g with { IsMarker = true }));
            }
        }

        var lines = new List<List<Glyph>>(segments.Count);
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

            lines.Add(glyphs);
        }

        return lines;
    }

    /// <summary>
    /// Marks superscript digit characters (¹, ², ³, typed as symbols rather than set raised) that follow a word as
    /// footnote markers, their value the plain digit; "m²" and "km³" are units, not markers.
    /// </summary>
    public static void MarkSuperscripts(List<Glyph> line)
    {
        for (var i = 1; i < line.Count; i++)
        {
            if (line[i].Value.Length != 1 || SuperscriptDigit(line[i].Value[0]) is not { } digit || line[i - 1].IsSpace)
            {
                continue;
            }

            if (line[i - 1].IsMarker)
            {
                line[i] = line[i] with { Value = new string(digit, 1), IsMarker = true }; // "¹²": the number goes on
                continue;
            }

            var start = i - 1;
            while (start >= 0 && !line[start].IsSpace && !line[start].IsMarker)
            {
                start--;
            }

            var word = string.Concat(line.Skip(start + 1).Take(i - start - 1).Select(g => g.Value));
            if (word.Length > 0 && !Units.Contains(word))
            {
                line[i] = line[i] with { Value = new string(digit, 1), IsMarker = true };
            }
        }
    }

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal) { "m", "km", "dm", "cm", "mm", "ha", "ft", "in" };

    private static char? SuperscriptDigit(char c) => c switch
    {
        '\u2070' => '0',
        '\u00B9' => '1',
        '\u00B2' => '2',
        '\u00B3' => '3',
        >= '\u2074' and <= '\u2079' => (char)('4' + (c - '\u2074')),
        _ => null,
    };

    private static bool LooksLikeMarker(List<Glyph> segment, FootnoteMarkerOptions options)
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

        return digits > 0 && digits <= options.MaxDigits;
    }

    /// <summary>Each segment's median glyph size, for the segments that can host a marker (0 for the others).</summary>
    private static double[] MedianSizes(List<List<Glyph>> segments, bool[] looksLikeMarker)
    {
        var sizes = new double[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            sizes[i] = looksLikeMarker[i] ? 0 : Glyph.MedianSize(segments[i], includeMarkers: true);
        }

        return sizes;
    }

    /// <summary>The line a raised marker belongs to: bigger text whose baseline sits a little below it, horizontally touching.</summary>
    private static int FindHost(List<List<Glyph>> segments, int markerIndex, bool[] looksLikeMarker, double[] medianSizes, FootnoteMarkerOptions options)
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
            if (markerSize >= size * options.MaxSizeRatio || rise <= options.MinRiseRatio * size || rise > options.MaxRiseRatio * size)
            {
                continue;
            }

            // A footnote label may hang left of its text ("¹⁰ Tweede Kamer…"); a marker follows its word.
            var overhang = options.MaxOverhangRatio * size;
            if (marker[0].Left < line[0].Left - overhang || marker[^1].Right > line[^1].Right + overhang)
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
}
