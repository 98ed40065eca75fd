using System.Globalization;
using System.Text;
using LetterPipeline.Core.Tools;

namespace LetterPipeline.Core.Ocr;

/// <summary>
/// The OCR tools: poppler's pdftoppm renders a page to a grey image, Tesseract reads it (hOCR with character
/// boxes). Each runs as a child process stopped at the document's time limit, one thread each: pages are read in
/// parallel instead, which Tesseract's own threads would only contend with.
/// </summary>
internal sealed class Tesseract(OcrOptions options)
{
    /// <summary>Read over the whole image at the scale a marker is enlarged to: small digits read far better larger.</summary>
    private const int MarkerScale = 3;

    private static readonly Dictionary<string, string> OneThread = new() { ["OMP_THREAD_LIMIT"] = "1" };

    public static ExternalTool PdfToPpm { get; } = new("pdftoppm", "poppler-utils");

    public static ExternalTool Program { get; } = new("tesseract", "tesseract-ocr");

    /// <summary>Renders <paramref name="page"/> of the PDF at <paramref name="pdfPath"/> and reads it.</summary>
    public RecognisedPage Read(string pdfPath, int page, string folder, CancellationToken cancellationToken)
    {
        var stem = Path.Combine(folder, "page-" + page.ToString(CultureInfo.InvariantCulture));
        var number = page.ToString(CultureInfo.InvariantCulture);
        var dpi = options.Dpi.ToString(CultureInfo.InvariantCulture);
        var render = PdfToPpm.Run(["-r", dpi, "-gray", "-f", number, "-l", number, "-singlefile", pdfPath, stem], cancellationToken);
        var imagePath = stem + ".pgm";
        if (render.ExitCode != 0 || !File.Exists(imagePath))
        {
            throw new InvalidDataException($"pdftoppm could not render page {page}: {render.StandardError.Trim()}");
        }

        var image = GrayImage.ReadPgm(File.ReadAllBytes(imagePath));
        var hocr = Run([imagePath, "stdout", "-l", options.Languages, "--dpi", dpi, "-c", "hocr_char_boxes=1", "hocr"], cancellationToken);
        File.Delete(imagePath);
        return new RecognisedPage(page, options.Dpi, image, Hocr.Read(hocr));
    }

    /// <summary>
    /// The digits of each marker candidate, read in one pass over a strip of all of them enlarged and set on one
    /// baseline, like a line of digits; each digit read goes to the candidate whose slot it stands in. A candidate
    /// that does not read as one to three digits is left out (a quote mark, a speck).
    /// </summary>
    public IReadOnlyDictionary<MarkerCandidate, string> ReadMarkers(RecognisedPage page, IReadOnlyList<MarkerCandidate> candidates, string folder,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<MarkerCandidate, string>();
        if (candidates.Count == 0)
        {
            return found;
        }

        var (image, slots) = MarkerStrip(page.Image, candidates);
        var path = Path.Combine(folder, $"markers-{page.Number.ToString(CultureInfo.InvariantCulture)}.pgm");
        File.WriteAllBytes(path, image);
        var hocr = Run([path, "stdout", "--psm", "7", "--dpi", "300", "-c", "tessedit_char_whitelist=0123456789", "-c", "hocr_char_boxes=1", "hocr"],
            cancellationToken);
        File.Delete(path);
        var digits = new StringBuilder[candidates.Count];
        foreach (var c in Hocr.Read(hocr).SelectMany(l => l.Words).SelectMany(w => w.Chars).OrderBy(c => c.Box.Left))
        {
            var middle = (c.Box.Left + c.Box.Right) / 2;
            var slot = slots.FindIndex(s => middle >= s.Left && middle < s.Right);
            if (slot >= 0 && c.Text.All(char.IsAsciiDigit))
            {
                (digits[slot] ??= new StringBuilder()).Append(c.Text);
            }
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (digits[i] is { Length: >= 1 and <= 3 } read)
            {
                found[candidates[i]] = read.ToString();
            }
        }

        return found;
    }

    private string Run(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = Program.Run(arguments, cancellationToken, OneThread);
        if (result.ExitCode != 0)
        {
            throw new InvalidDataException($"tesseract failed (exit {result.ExitCode}): {result.StandardError.Trim()}");
        }

        return result.StandardOutput;
    }

    /// <summary>
    /// A PGM strip with each candidate's grey pixels enlarged, bottoms on one line, spaced so a digit cannot be
    /// taken for its neighbour's; and each candidate's horizontal slot in it.
    /// </summary>
    private static (byte[] Pgm, List<(int Left, int Right)> Slots) MarkerStrip(GrayImage source, IReadOnlyList<MarkerCandidate> candidates)
    {
        var tallest = candidates.Max(c => c.Box.Height) * MarkerScale;
        var gap = tallest;
        var height = tallest + (2 * gap);
        var slots = new List<(int Left, int Right)>();
        var x = gap;
        foreach (var candidate in candidates)
        {
            var width = candidate.Box.Width * MarkerScale;
            slots.Add((x - (gap / 2), x + width + (gap / 2)));
            x += width + gap;
        }

        var header = Encoding.ASCII.GetBytes($"P5\n{x} {height}\n255\n");
        var pgm = new byte[header.Length + (x * height)];
        header.CopyTo(pgm, 0);
        pgm.AsSpan(header.Length).Fill(255);
        for (var i = 0; i < candidates.Count; i++)
        {
            // Only the candidate's own box: the ink of the letter beside it would read as another digit.
            var box = candidates[i].Box;
            var left = slots[i].Left + (gap / 2);
            var top = gap + tallest - (box.Height * MarkerScale);
            for (var sy = 0; sy < box.Height * MarkerScale; sy++)
            {
                for (var sx = 0; sx < box.Width * MarkerScale; sx++)
                {
                    pgm[header.Length + ((top + sy) * x) + left + sx] = source.Gray(box.Left + (sx / MarkerScale), box.Top + (sy / MarkerScale));
                }
            }
        }

        return (pgm, slots);
    }
}
