using LetterPipeline.Core.Ocr;

namespace LetterPipeline.Core;

/// <summary>How <see cref="LetterPdf"/> reads a PDF. Every property is optional; <see cref="Default"/> suits most callers.</summary>
public sealed record LetterPdfOptions
{
    /// <summary>No file name or hash given, the default input limits, no timings.</summary>
    public static LetterPdfOptions Default { get; } = new();

    /// <summary>
    /// The name recorded as the letter's <see cref="Model.SourceInfo.File"/>. When null: the file name of the path read,
    /// or the empty string for bytes and streams.
    /// </summary>
    public string? FileName { get; init; }

    /// <summary>
    /// The PDF's SHA-256 as lowercase hex, recorded as <see cref="Model.SourceInfo.Sha256"/>. When null it is computed
    /// from the bytes; pass it when it is known already, so the bytes are not hashed twice.
    /// </summary>
    public string? Sha256 { get; init; }

    /// <summary>How far the PDF's compressed streams may inflate before it is refused as <see cref="FailureCode.TooLarge"/>.</summary>
    public PdfInputLimits Limits { get; init; } = PdfInputLimits.Default;

    /// <summary>When set, each stage's time and allocations are charged to it (see <see cref="Stage"/>); when null, measuring costs nothing.</summary>
    public StageTimings? Timings { get; init; }

    /// <summary>
    /// How pages without a usable text layer (scans, garbled fonts) are read. When null: by Tesseract when pdftoppm and
    /// tesseract are installed, in Dutch and English at 300 dpi.
    /// </summary>
    public OcrOptions? Ocr { get; init; }

    /// <summary>
    /// The document's time limit. When it fires, the external tools (qpdf, pdftoppm, Tesseract) are stopped and the
    /// reading throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public CancellationToken CancellationToken { get; init; }
}
