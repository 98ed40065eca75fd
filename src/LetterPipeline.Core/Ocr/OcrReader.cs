using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Ocr;

/// <summary>
/// Reads pages of a PDF by OCR into the same positioned lines a text layer gives, so headings, paragraphs,
/// footnotes and markers are found by the same stages. Pages are read in parallel, each by its own child
/// processes, all stopped when the document's time is up.
/// </summary>
internal sealed class OcrReader(OcrOptions options)
{
    /// <summary>True when OCR is switched on (or left to the tools being installed) and the tools are there.</summary>
    public bool IsAvailable => (options.Enabled ?? true) && OcrTools.Installed;

    /// <summary>Why OCR cannot be used here, for a failure's message; null when it can.</summary>
    public string? Unavailable =>
        options.Enabled == false ? "OCR is switched off (Ocr:Enabled=false)"
        : !OcrTools.Installed ? $"OCR is not installed (Debian packages {OcrTools.Packages})"
        : null;

    /// <summary>The lines of <paramref name="pages"/> (1-based numbers) read by OCR, in the order given.</summary>
    /// <exception cref="InvalidDataException">A tool failed or wrote what cannot be read.</exception>
    public IReadOnlyList<PageLines> Read(byte[] pdf, IReadOnlyList<int> pages, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("letterpipe-ocr-");
        try
        {
            var pdfPath = Path.Combine(folder.FullName, "document.pdf");
            File.WriteAllBytes(pdfPath, pdf);
            var tesseract = new Tesseract(options);
            var scanned = new ScannedPage[pages.Count];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            try
            {
                Parallel.For(0, pages.Count, parallel, i =>
                {
                    var page = tesseract.Read(pdfPath, pages[i], folder.FullName, cancellationToken);
                    var markers = tesseract.ReadMarkers(page, ScanGeometry.FindMarkers(page), folder.FullName, cancellationToken);
                    scanned[i] = new ScannedPage(page.Number, page.Dpi, page.Image.Width, page.Image.Height, ScanGeometry.Place(page, markers));
                });
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
            {
                // One page's failure stands for the document; a cancellation wins over the failures it caused.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(
                    ex.InnerExceptions.FirstOrDefault(e => e is OperationCanceledException) ?? ex.InnerExceptions[0]);
                throw;
            }

            return ScanTypography.Lines(scanned);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
