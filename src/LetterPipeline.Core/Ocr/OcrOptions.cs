using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace LetterPipeline.Core.Ocr;

/// <summary>The <c>Ocr</c> section: whether and how pages without a usable text layer are read by Tesseract.</summary>
public sealed class OcrOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Ocr";

    /// <summary>
    /// Read scanned and garbled pages by OCR. Unset: on when pdftoppm (poppler-utils) and tesseract (tesseract-ocr)
    /// are installed. True with the tools missing is a configuration error.
    /// </summary>
    [Description("Read scanned and garbled pages by OCR; unset: on when pdftoppm and tesseract are installed")]
    [DefaultValue("when installed")]
    public bool? Enabled { get; set; }

    /// <summary>Tesseract's language models, joined by '+' (Debian packages tesseract-ocr-nld, tesseract-ocr-eng).</summary>
    [Required]
    [Description("Tesseract's language models joined by '+', e.g. nld+eng")]
    [RegularExpression("^[a-z_]+(\\+[a-z_]+)*$", ErrorMessage = "Ocr:Languages must be Tesseract language codes joined by '+', e.g. nld+eng.")]
    public string Languages { get; set; } = "nld+eng";

    /// <summary>Resolution pages are rendered at for OCR; Tesseract reads best at 300.</summary>
    [Range(100, 600)]
    [Description("Resolution pages are rendered at for OCR, 100 to 600")]
    public int Dpi { get; set; } = 300;
}
