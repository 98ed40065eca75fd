namespace LetterPipeline.Core.Model;

/// <summary>Where the letter's text came from.</summary>
public enum TextSource
{
    /// <summary>Every page from the PDF's own text layer.</summary>
    TextLayer,

    /// <summary>Every page read by OCR from its rendered image.</summary>
    Ocr,

    /// <summary>Some pages from the text layer, others by OCR.</summary>
    Mixed,
}

/// <summary>How the letter was read and what is doubtful about it: the JSON's <c>quality</c> object.</summary>
/// <param name="Flags">Short codes, each said once: see <see cref="QualityFlags"/>.</param>
/// <param name="TextSource">Whether the text came from the text layer, from OCR, or from both.</param>
public sealed record LetterQuality(IReadOnlyList<string> Flags, TextSource TextSource)
{
    /// <summary>A letter read from its text layer with nothing to report.</summary>
    public static LetterQuality TextLayerOnly { get; } = new([], TextSource.TextLayer);
}

/// <summary>The codes of <see cref="LetterQuality.Flags"/> set while reading a PDF.</summary>
public static class QualityFlags
{
    /// <summary>PdfPig could not read the file as it was; it was read after qpdf rebuilt its structure.</summary>
    public const string Repaired = "repaired";

    /// <summary>At least one page's text layer is not readable text (fonts without a Unicode map, letter soup).</summary>
    public const string GarbledText = "garbled-text";

    /// <summary>At least one page was read by OCR.</summary>
    public const string Ocr = "ocr";
}

/// <summary>The JSON names of <see cref="TextSource"/>.</summary>
public static class TextSources
{
    /// <summary>"text-layer", "ocr" or "mixed".</summary>
    public static string ToCode(this TextSource source) => source switch
    {
        TextSource.TextLayer => "text-layer",
        TextSource.Ocr => "ocr",
        TextSource.Mixed => "mixed",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
