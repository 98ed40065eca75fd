using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Ocr;

/// <summary>A scanned page's placed text with the page's size, in image pixels at <see cref="Dpi"/>.</summary>
internal sealed record ScannedPage(int Number, int Dpi, int Width, int Height, IReadOnlyList<ScannedText> Texts);

/// <summary>
/// Gives the text of a document's scanned pages the typography a text layer has: sizes settle on the few the
/// document uses (measured sizes scatter by a few per cent; body, footnote and heading type differ by more), bold
/// is a stroke clearly wider than the document's usual one, and pixels become PDF points.
/// </summary>
internal static class ScanTypography
{
    /// <summary>Measured line sizes further apart than this share belong to different type sizes.</summary>
    private const double SizeBreak = 0.04;

    /// <summary>A size measured on fewer letters than this is uncertain.</summary>
    private const int CertainSamples = 8;

    /// <summary>An uncertain size within this share of a document size is that size.</summary>
    private const double UncertainReach = 0.15;

    /// <summary>A stroke this many times the document's usual width is bold.</summary>
    private const double BoldStroke = 1.3;

    public static IReadOnlyList<PageLines> Lines(IReadOnlyList<ScannedPage> pages)
    {
        var words = pages.SelectMany(p => p.Texts).Where(t => !t.IsMarker).ToList();
        var sizes = SettledSizes(words);
        var usualStroke = WeightedMedian(words.Select(w => (w.Stroke, (double)w.Text.Length)));
        return pages.Select(page =>
        {
            var points = 72.0 / page.Dpi;
            var placed = page.Texts.Select(t => new PlacedText(
                t.Text,
                t.Left * points,
                t.Right * points,
                (page.Height - t.Baseline) * points,
                (t.IsMarker ? t.Size : sizes[t.Size]) * points,
                !t.IsMarker && usualStroke > 0 && t.Stroke >= BoldStroke * usualStroke,
                t.SpaceAfter)).ToList();
            return LineBuilder.Build(page.Number, page.Width * points, page.Height * points, placed);
        }).ToList();
    }

    /// <summary>
    /// Each measured size mapped to the size of its group. Sizes measured on enough letters form the groups: sorted,
    /// a new group where they jump by more than <see cref="SizeBreak"/>. A size measured on a few letters ("komst.")
    /// is too uncertain to found a size of its own: it joins the heaviest group within <see cref="UncertainReach"/>.
    /// </summary>
    private static Dictionary<double, double> SettledSizes(List<ScannedText> words)
    {
        var measured = words.GroupBy(w => (w.Size, Certain: w.SizeSamples >= CertainSamples))
            .Select(g => (g.Key.Size, g.Key.Certain, Weight: (double)g.Sum(w => w.Text.Length)))
            .OrderBy(s => s.Size).ToList();
        var settled = new Dictionary<double, double>();
        var group = new List<(double Size, double Weight)>();
        foreach (var (size, _, weight) in measured.Where(m => m.Certain))
        {
            if (group.Count > 0 && size > group[^1].Size * (1 + SizeBreak))
            {
                Settle(group, settled);
                group.Clear();
            }

            group.Add((size, weight));
        }

        Settle(group, settled);

        // The body size first: a short line near it is most likely body text ("blijven." below a paragraph).
        var sizes = measured.Where(m => m.Certain).GroupBy(m => settled[m.Size]).OrderByDescending(g => g.Sum(m => m.Weight)).Select(g => g.Key).ToList();
        foreach (var (size, _, _) in measured.Where(m => !m.Certain && !settled.ContainsKey(m.Size)))
        {
            settled[size] = sizes.FirstOrDefault(s => Math.Abs(s - size) <= UncertainReach * s, size);
        }

        return settled;
    }

    private static void Settle(List<(double Size, double Weight)> group, Dictionary<double, double> settled)
    {
        var size = WeightedMedian(group);
        foreach (var member in group)
        {
            settled[member.Size] = size;
        }
    }

    private static double WeightedMedian(IEnumerable<(double Value, double Weight)> values)
    {
        var sorted = values.OrderBy(v => v.Value).ToList();
        var half = sorted.Sum(v => v.Weight) / 2;
        var sum = 0.0;
        foreach (var (value, weight) in sorted)
        {
            sum += weight;
            if (sum >= half)
            {
                return value;
            }
        }

        return 0;
    }
}
