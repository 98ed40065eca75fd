namespace LetterPipeline.Core.Ocr;

/// <summary>One page as Tesseract read it, with the rendered image it read it from.</summary>
internal sealed record RecognisedPage(int Number, int Dpi, GrayImage Image, IReadOnlyList<OcrLine> Lines);

/// <summary>
/// A piece of text placed on a scanned page, in image pixels: a word (or the part of one beside a footnote marker),
/// or a marker. <see cref="Baseline"/> is straightened (the page's skew taken out); <see cref="Size"/> is the type
/// size in pixels; <see cref="Stroke"/> the width of its vertical strokes, in ems; <see cref="Slant"/> the lean of
/// its strokes in degrees.
/// </summary>
/// <remarks><see cref="SizeSamples"/>: how many letters the size was measured on; few make it uncertain.</remarks>
internal sealed record ScannedText(
    string Text, double Left, double Right, double Baseline, double Size, int SizeSamples, double Stroke, double Slant, bool SpaceAfter, bool IsMarker);

/// <summary>
/// Ink beside a word that may be a number Tesseract did not read: a raised footnote marker, or (not
/// <see cref="Raised"/>) a footnote label on the baseline left of the line's first word. Its digits are still to be read.
/// </summary>
internal sealed record MarkerCandidate(PixelBox Box, double Baseline, int Line, int Word, bool Raised = true);

/// <summary>
/// Turns Tesseract's lines and words into type measured like a text layer's: each line's size from its letters'
/// heights, its baseline straightened by the page's skew, the weight from the stroke width in the image, and the
/// raised footnote markers Tesseract reads as quotes or drops ("Zaken’." for "Zaken¹.") found in the ink.
/// </summary>
internal static class ScanGeometry
{
    // Heights of letter classes in ems, about the same for the sans and serif faces letters are set in.
    private const string XHeightLetters = "acemnorsuvwxz";
    private const string CapHeightLetters = "ABCDEFGHIKLMNOPRSTUVWXYZbdhkl0123456789";
    private const double XHeight = 0.5;
    private const double CapHeight = 0.72;

    /// <summary>A marker's bottom stands at least this far (ems of its line) above the baseline…</summary>
    private const double MarkerRise = 0.2;

    /// <summary>…and its height is between these (a quote mark is lower, a letter taller).</summary>
    private const double MarkerMinimumHeight = 0.3;

    private const double MarkerMaximumHeight = 0.66;

    /// <summary>Blobs right of a marker inside its word may only be punctuation: lower than this, in ems.</summary>
    private const double PunctuationHeight = 0.4;

    /// <summary>A footnote's label stands at most this far (ems of the line) left of its text.</summary>
    private const double LabelReach = 2;

    /// <summary>Digits of one marker ("12") stand closer than this, in ems.</summary>
    private const double DigitSpacing = 0.2;

    private static readonly string[] MisreadMarkers =
        ["’", "'", "‘", "\"", "“", "”", "*", "°", "º", "ª", "®", "©", "^", "!", "?", "¹", "²", "³", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "i", "l", "I"];

    /// <summary>The skew of the page: the median slope of its lines' baselines.</summary>
    public static double Skew(RecognisedPage page)
    {
        var slopes = page.Lines.Where(l => l.Words.Count >= 3).Select(l => l.Slope).Order().ToList();
        return slopes.Count == 0 ? 0 : slopes[slopes.Count / 2];
    }

    /// <summary>
    /// The type size of a line, in pixels, from the heights of its letters: x-height letters where the line has
    /// enough of them (capitals and ascenders where it has not, a line in capitals), averaged over the middle half
    /// so that whole-pixel heights do not step the size by several per cent. Null when there is nothing to measure.
    /// </summary>
    public static (double Size, int Samples)? LineSize(OcrLine line)
    {
        var small = new List<double>();
        var tall = new List<double>();
        foreach (var c in line.Words.SelectMany(w => w.Chars))
        {
            if (c.Text.Length != 1)
            {
                continue;
            }

            if (XHeightLetters.Contains(c.Text[0], StringComparison.Ordinal))
            {
                small.Add(c.Box.Height / XHeight);
            }
            else if (CapHeightLetters.Contains(c.Text[0], StringComparison.Ordinal))
            {
                tall.Add(c.Box.Height / CapHeight);
            }
        }

        var estimates = small.Count >= 5 || small.Count >= tall.Count ? small : tall;
        if (estimates.Count == 0)
        {
            return null;
        }

        estimates.Sort();
        var middle = estimates.Skip(estimates.Count / 4).Take(Math.Max(1, estimates.Count - (2 * (estimates.Count / 4)))).ToList();
        return (middle.Average(), estimates.Count);
    }

    /// <summary>The raised, small blobs beside the page's words that may be footnote markers.</summary>
    public static List<MarkerCandidate> FindMarkers(RecognisedPage page)
    {
        var candidates = new List<MarkerCandidate>();
        for (var l = 0; l < page.Lines.Count; l++)
        {
            var line = page.Lines[l];
            if (LineSize(line) is not var (size, _))
            {
                continue;
            }

            for (var w = 0; w < line.Words.Count; w++)
            {
                var word = line.Words[w];
                var baseline = line.BaselineAt((word.Box.Left + word.Box.Right) / 2.0);
                var region = word.Box with { Top = (int)Math.Min(word.Box.Top, baseline - size), Bottom = (int)Math.Max(word.Box.Bottom, baseline + 2) };
                var blobs = InkComponents.Find(page.Image, region);
                foreach (var marker in Raised(blobs, baseline, size))
                {
                    candidates.Add(new MarkerCandidate(marker, baseline, l, w));
                }
            }

            // A footnote's raised label left of its first word, where Tesseract often reads nothing at all.
            var first = line.Words[0];
            var at = line.BaselineAt(first.Box.Left);
            var before = new PixelBox((int)(first.Box.Left - (LabelReach * size)), (int)(at - size), first.Box.Left - 1, (int)(at + 2));
            var left = InkComponents.Find(page.Image, before);
            foreach (var label in Raised(left, at, size))
            {
                candidates.Add(new MarkerCandidate(label, at, l, 0));
            }

            foreach (var label in Group(left.Where(b => IsDigitOnBaseline(b, at, size)), size))
            {
                candidates.Add(new MarkerCandidate(label, at, l, 0, Raised: false));
            }
        }

        return candidates;
    }

    /// <summary>
    /// Groups of raised blobs that can be a marker: each raised and of a digit's height, none standing over another
    /// blob (the dot of an i, an accent), with only punctuation to their right inside the word.
    /// </summary>
    private static IEnumerable<PixelBox> Raised(List<PixelBox> blobs, double baseline, double size)
    {
        bool IsRaised(PixelBox b) =>
            b.Bottom <= baseline - (MarkerRise * size)
            && b.Height >= MarkerMinimumHeight * size && b.Height <= MarkerMaximumHeight * size
            && b.Width <= 0.6 * size
            && !blobs.Any(o => o != b && o.Top >= b.Bottom - 2 && Overlap(o, b) > 0.5 * b.Width);

        return Group(blobs.Where(IsRaised), size).Where(g => !blobs.Any(o => o.Left >= g.Right && !Inside(o, g) && o.Height >= PunctuationHeight * size));
    }

    /// <summary>A blob of a digit's size standing on the baseline: part of a footnote label set in the line's own type.</summary>
    private static bool IsDigitOnBaseline(PixelBox b, double baseline, double size) =>
        Math.Abs(b.Bottom - baseline) <= 0.1 * size
        && b.Height >= 0.55 * size && b.Height <= 0.9 * size
        && b.Width <= 0.75 * size;

    /// <summary>Blobs next to each other (the digits of "12") merged into one box, left to right.</summary>
    private static List<PixelBox> Group(IEnumerable<PixelBox> blobs, double size)
    {
        var groups = new List<PixelBox>();
        foreach (var blob in blobs.OrderBy(b => b.Left))
        {
            if (groups.Count > 0 && blob.Left - groups[^1].Right < DigitSpacing * size)
            {
                var last = groups[^1];
                groups[^1] = new PixelBox(last.Left, Math.Min(last.Top, blob.Top), Math.Max(last.Right, blob.Right), Math.Max(last.Bottom, blob.Bottom));
            }
            else
            {
                groups.Add(blob);
            }
        }

        return groups;
    }

    /// <summary>
    /// The page's text as placed pieces: each word (split where a confirmed marker stood inside it), each marker
    /// with its digits. <paramref name="markers"/> holds the digits read for candidates, by candidate.
    /// </summary>
    public static List<ScannedText> Place(RecognisedPage page, IReadOnlyDictionary<MarkerCandidate, string> markers)
    {
        var skew = Skew(page);
        var middle = page.Image.Width / 2.0;
        double Straight(double x, double y) => y - (skew * (x - middle));

        var byWord = markers.GroupBy(m => (m.Key.Line, m.Key.Word)).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Key.Box.Left).ToList());
        var placed = new List<ScannedText>();
        for (var l = 0; l < page.Lines.Count; l++)
        {
            var line = page.Lines[l];
            var (size, samples) = LineSize(line) ?? (line.Words.Select(w => w.Box.Height).Order().ElementAt(line.Words.Count / 2) / 0.9, 0);
            var maximumRun = (int)Math.Ceiling(0.3 * size);
            for (var w = 0; w < line.Words.Count; w++)
            {
                var word = line.Words[w];
                if (markers.Keys.Any(m => m.Line != l && Covers(word.Box, m.Box)))
                {
                    // Tesseract reads a column of footnote labels as a "line" of its own, in garbage ("==BWN"); the
                    // labels, read as digits, belong to their footnotes' lines.
                    continue;
                }

                var center = (word.Box.Left + word.Box.Right) / 2.0;
                var baseline = Straight(center, line.BaselineAt(center));
                var stroke = InkComponents.StrokeWidth(page.Image, word.Box, maximumRun) / size;
                var slant = InkComponents.Slant(page.Image, word.Box, line.BaselineAt(center));
                if (!byWord.TryGetValue((l, w), out var found))
                {
                    var text = w == 0 && IsBullet(page.Image, word, line.BaselineAt(center), size) ? "•" : word.Text;
                    placed.Add(new ScannedText(text, word.Box.Left, word.Box.Right, baseline, size, samples, stroke, slant, true, false));
                    continue;
                }

                // Split the word at its markers, dropping what Tesseract made of a marker's ink.
                var chars = (word.Chars.Count > 0 ? word.Chars : [new OcrChar(word.Text, word.Box)]).ToList();
                foreach (var (candidate, _) in found)
                {
                    chars.RemoveAll(c => MisreadMarker(c, candidate.Box, size));
                }

                // Tesseract's character boxes drift near a marker: the pieces fill the word's box up to the marker's ink
                // and on from it, so no gap opens inside the word.
                var next = 0;
                double from = word.Box.Left;
                foreach (var (candidate, digits) in found)
                {
                    if (!candidate.Raised)
                    {
                        // A label on the baseline is a word of its own before the line's first.
                        placed.Add(new ScannedText(digits, candidate.Box.Left, candidate.Box.Right, baseline, size, samples, stroke, slant, true, false));
                        continue;
                    }

                    var piece = chars.Skip(next).TakeWhile(c => Center(c) < Center(candidate.Box)).ToList();
                    AddPiece(placed, piece, from, candidate.Box.Left, baseline, size, samples, stroke, slant);
                    next += piece.Count;
                    placed.Add(new ScannedText(digits, candidate.Box.Left, candidate.Box.Right, Straight(Center(candidate.Box), candidate.Box.Bottom),
                        candidate.Box.Height / CapHeight, 0, stroke, slant, false, true));
                    from = candidate.Box.Right;
                }

                from = from <= word.Box.Left ? word.Box.Left : from; // a label left of the word leaves the word where it is
                AddPiece(placed, chars.Skip(next).ToList(), from, Math.Max(word.Box.Right, from + 1), baseline, size, samples, stroke, slant);
                placed[^1] = placed[^1] with { SpaceAfter = true };
            }
        }

        return placed;
    }

    /// <summary>
    /// A character Tesseract made of a marker's ink: a quote or sign over or right beside the marker, a digit or
    /// letter only when it lies mostly over it ("2023.⁶" keeps its 3); a full stop or comma there is the sentence's own.
    /// </summary>
    private static bool MisreadMarker(OcrChar c, PixelBox marker, double size) =>
        MisreadMarkers.Contains(c.Text, StringComparer.Ordinal)
        && Overlap(c.Box, marker) > (char.IsLetterOrDigit(c.Text[0]) ? 0.5 * c.Box.Width : -0.15 * size);

    /// <summary>
    /// A list bullet Tesseract reads as "*", "e" or "°": the line's first word is one round, filled blob of about
    /// the x-height's size, standing in the x-height band.
    /// </summary>
    private static bool IsBullet(GrayImage image, OcrWord word, double baseline, double size)
    {
        if (word.Text.Length > 1)
        {
            return false;
        }

        var blobs = InkComponents.Find(image, word.Box);
        if (blobs is not [var blob])
        {
            return false;
        }

        var middle = (blob.Top + blob.Bottom) / 2.0;
        return blob.Height >= 0.12 * size && blob.Height <= 0.45 * size
            && blob.Width >= 0.7 * blob.Height && blob.Width <= 1.4 * blob.Height
            && middle <= baseline - (0.1 * size) && middle >= baseline - (0.45 * size)
            && InkComponents.Ink(image, blob) >= 0.55 * blob.Width * blob.Height;
    }

    private static void AddPiece(
        List<ScannedText> placed, List<OcrChar> chars, double left, double right, double baseline, double size, int samples, double stroke, double slant)
    {
        if (chars.Count > 0)
        {
            placed.Add(new ScannedText(string.Concat(chars.Select(c => c.Text)), left, right, baseline, size, samples, stroke, slant, false, false));
        }
    }

    private static double Center(PixelBox box) => (box.Left + box.Right) / 2.0;

    private static double Center(OcrChar c) => Center(c.Box);

    private static int Overlap(PixelBox a, PixelBox b) => Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);

    /// <summary>True when most of <paramref name="ink"/> lies inside <paramref name="word"/>.</summary>
    private static bool Covers(PixelBox word, PixelBox ink)
    {
        var width = Math.Min(word.Right, ink.Right) - Math.Max(word.Left, ink.Left);
        var height = Math.Min(word.Bottom, ink.Bottom) - Math.Max(word.Top, ink.Top);
        return width > 0 && height > 0 && width * height > 0.5 * ink.Width * ink.Height;
    }

    private static bool Inside(PixelBox inner, PixelBox outer) =>
        inner.Left >= outer.Left && inner.Right <= outer.Right && inner.Top >= outer.Top && inner.Bottom <= outer.Bottom;
}
