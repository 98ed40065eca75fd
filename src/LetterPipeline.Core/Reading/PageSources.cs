using LetterPipeline.Core.Guards;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Ocr;
using UglyToad.PdfPig;

namespace LetterPipeline.Core.Reading;

/// <summary>The pages to structure, where their text came from, how many were read by OCR, and what to report about it.</summary>
internal sealed record ChosenText(IReadOnlyList<PageLines> Pages, IReadOnlyList<string> Flags, string Source, IReadOnlyList<QualityWarning> Warnings,
    int OcrPages = 0);

/// <summary>
/// Chooses, page by page, where the text comes from: the text layer where it is readable; OCR for a page that is
/// a picture of text (little or no text layer over a large image: a scan, a scan with a stamped header) and for a
/// page whose text layer is garbage. A page of readable text never goes to OCR.
/// </summary>
internal static class PageSources
{
    /// <summary>A page with fewer characters than this over a large image is a scan, whatever its text layer holds.</summary>
    private const int ScanMaximumCharacters = 50;

    /// <summary>An image covering this share of the page makes it a scan when it has (almost) no text.</summary>
    private const double ScanImageShare = 0.25;

    /// <exception cref="LetterFormatException">No page has text and OCR cannot supply it (code <c>no-text-layer</c>).</exception>
    public static ChosenText Choose(PdfDocument document, byte[] pdf, IReadOnlyList<PageLines> textLayer, OcrReader ocr, CancellationToken cancellationToken)
    {
        var flags = new List<string>();
        var warnings = new List<QualityWarning>();
        var garbled = textLayer.Where(TextLayerCheck.IsGarbled).Select(p => p.Number).ToHashSet();
        if (garbled.Count > 0)
        {
            flags.Add(QualityFlags.GarbledText);
        }

        var scans = textLayer.Where(p => !garbled.Contains(p.Number) && IsScan(document, p)).Select(p => p.Number).ToHashSet();
        var toRead = garbled.Union(scans).Order().ToList();
        if (toRead.Count == 0)
        {
            return new ChosenText(textLayer, flags, TextSources.TextLayer, warnings);
        }

        if (!ocr.IsAvailable)
        {
            if (textLayer.All(p => p.Lines.Count == 0))
            {
                throw new LetterFormatException(FailureCode.NoTextLayer,
                    $"None of the {textLayer.Count} pages has a text layer (a scan?), and {ocr.Unavailable}.", "layout");
            }

            foreach (var page in garbled.Order())
            {
                warnings.Add(new QualityWarning(page, QualityFlags.GarbledText, $"The text layer of page {page} is not readable text (fonts without a Unicode map?); {ocr.Unavailable}."));
            }

            return new ChosenText(textLayer, flags, TextSources.TextLayer, warnings);
        }

        IReadOnlyList<PageLines> read;
        try
        {
            read = ocr.Read(pdf, toRead, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new LetterFormatException(FailureCode.NoTextLayer, $"OCR failed on this document: {ex.Message}", "ocr", ex);
        }

        var pages = textLayer.ToList();
        foreach (var page in read)
        {
            pages[page.Number - 1] = page;
        }

        flags.Add(QualityFlags.Ocr);
        var fromTextLayer = pages.Any(p => !toRead.Contains(p.Number) && p.Lines.Count > 0);
        return new ChosenText(pages, flags, fromTextLayer ? TextSources.Mixed : TextSources.Ocr, warnings, read.Count);
    }

    /// <summary>(Almost) no text over an image that covers a good part of the page.</summary>
    private static bool IsScan(PdfDocument document, PageLines page)
    {
        if (page.Lines.Sum(l => l.Text.Length) >= ScanMaximumCharacters)
        {
            return false;
        }

        try
        {
            var pdfPage = document.GetPage(page.Number);
            var area = pdfPage.Width * pdfPage.Height;
            return area > 0 && pdfPage.GetImages().Any(image => image.BoundingBox.Width * image.BoundingBox.Height >= ScanImageShare * area);
        }
        catch (Exception ex) when (PdfFailures.Map(ex, "layout") is not null)
        {
            return false; // an image PdfPig cannot read is no scan we could render either
        }
    }
}
