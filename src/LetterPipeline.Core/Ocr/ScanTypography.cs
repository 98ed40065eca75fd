using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Ocr;

/// <summary>A scanned page's placed text with the page's size, in image pixels at <see cref="Dpi"/>.</summary>
internal sealed record ScannedPage(int Number, int Dpi, int Width, int Height, IReadOnlyList<ScannedText> Texts);

/// <summary>
/// Gives the text of a document's scanned pages the typography a text layer has: sizes settle on the few the
/// document uses (measured sizes scatter by a few per cent; body, footnote and heading type differ by more), bold
/// is a stroke clearly wider than the document's usual one, italic type that leans, and pixels become PDF points.
/// </summary>
internal static class ScanTypography
{
    /// <summary>Measured line sizes further apart than this share belong to different type sizes.</summary>
    private const double SizeBreak = 0.04;

    /// <summary>A size measured on fewer letters than this is uncertain.</summary>
    private const int CertainSamples = 8;

    /// <summary>A group of sizes with less than this share of the text is light…</summary>
    private const double LightGroup = 0.05;

    /// <summary>…and within this share of a heavier group it is that size, measured high or low (footnote type is 20 % smaller).</summary>
    private const double LightReach = 0.1;

    /// <summary>A line this close (in its own ems) to the next is part of the same block.</summary>
    private const double NeighbourPitch = 1.6;

    /// <summary>An uncertain size within this share of a neighbour's or a heavier document size is that size.</summary>
    private const double UncertainReach = 0.2;

    /// <summary>Type leaning this many degrees is italic (italic faces measure 6° to 12°, upright type 0° to 2°).</summary>
    private const double ItalicSlant = 5;

    /// <summary>A stroke this many times the document's usual width is bold (bold measures 1.3 times, regular type within 1.1).</summary>
    private const double BoldStroke = 1.18;

    public static IReadOnlyList<PageLines> Lines(IReadOnlyList<ScannedPage> pages)
    {
        var words = pages.SelectMany(p => p.Texts).Where(t => !t.IsMarker).ToList();
        var sizes = SettledSizes(words);
        var usualStroke = WeightedMedian(words.Select(w => (w.Stroke, (double)w.Text.Length)));
        return pages.Select(page =>
        {
            var points = 72.0 / page.Dpi;
            var settled = PageSizes(page.Texts, sizes);
            var placed = page.Texts.Select((t, i) => new PlacedText(
                t.Text,
                t.Left * points,
                t.Right * points,
                (page.Height - t.Baseline) * points,
                settled[i] * points,
                !t.IsMarker && usualStroke > 0 && t.Stroke >= BoldStroke * usualStroke,
                !t.IsMarker && t.Slant >= ItalicSlant,
                t.SpaceAfter)).ToList();
            return LineBuilder.Build(page.Number, page.Width * points, page.Height * points, placed, LineBuilderOptions.Default);
        }).ToList();
    }

    /// <summary>
    /// The settled size of each text on a page. A line measured on a few letters ("komst.", "item 3.") takes the size
    /// of the certain line right above it (or below it: no further than <see cref="NeighbourPitch"/>), within
    /// <see cref="UncertainReach"/>: a short line most often ends the paragraph or footnote it is set in. Markers keep
    /// their own size.
    /// </summary>
    private static double[] PageSizes(IReadOnlyList<ScannedText> texts, Dictionary<double, double> sizes)
    {
        var settled = new double[texts.Count];
        var before = new ScannedText?[texts.Count];
        var after = new ScannedText?[texts.Count];
        ScannedText? last = null;
        for (var i = 0; i < texts.Count; i++)
        {
            before[i] = last;
            last = IsCertain(texts[i]) ? texts[i] : last;
        }

        last = null;
        for (var i = texts.Count - 1; i >= 0; i--)
        {
            after[i] = last;
            last = IsCertain(texts[i]) ? texts[i] : last;
        }

        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            var neighbour = new[] { before[i], after[i] }.FirstOrDefault(n => n is not null
                && Math.Abs(n.Baseline - text.Baseline) <= NeighbourPitch * text.Size
                && Math.Abs(sizes[n.Size] - text.Size) <= UncertainReach * sizes[n.Size]);
            settled[i] = text.IsMarker ? text.Size
                : IsCertain(text) ? sizes[text.Size]
                : neighbour is not null ? sizes[neighbour.Size]
                : sizes[text.Size];
        }

        return settled;
    }

    private static bool IsCertain(ScannedText text) => !text.IsMarker && text.SizeSamples >= CertainSamples;

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

        // Heaviest first: the body size, then the others. A light group near a heavier one is that size measured
        // high or low (one line of a paragraph), not a size of its own.
        var weights = measured.Where(m => m.Certain).GroupBy(m => settled[m.Size]).ToDictionary(g => g.Key, g => g.Sum(m => m.Weight));
        var sizes = weights.OrderByDescending(w => w.Value).Select(w => w.Key).ToList();
        var total = weights.Values.Sum();
        foreach (var light in sizes.Where(s => weights[s] < LightGroup * total).ToList())
        {
            if (sizes.FirstOrDefault(s => weights[s] > weights[light] && Math.Abs(s - light) <= LightReach * s) is var heavier && heavier > 0)
            {
                foreach (var key in settled.Where(e => e.Value == light).Select(e => e.Key).ToList())
                {
                    settled[key] = heavier;
                }

                sizes.Remove(light);
            }
        }

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
