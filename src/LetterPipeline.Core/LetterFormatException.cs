namespace LetterPipeline.Core;

/// <summary>Why a file could not be converted; serialised as its kebab-case code ("not-a-pdf", see <see cref="FailureCodes.ToCode"/>).</summary>
public enum FailureCode
{
    /// <summary>The file is empty or has no PDF header.</summary>
    NotAPdf,

    /// <summary>The PDF needs a password to be opened.</summary>
    Encrypted,

    /// <summary>The PDF's structure or content cannot be parsed.</summary>
    Corrupt,

    /// <summary>No page has text: a scan, to be OCR'd first.</summary>
    NoTextLayer,

    /// <summary>The PDF inflates past its <see cref="PdfInputLimits"/>, or needs more memory than a conversion may use.</summary>
    TooLarge,

    /// <summary>The conversion did not finish within its time limit (set by the host that runs it).</summary>
    Timeout,

    /// <summary>The converter failed unexpectedly on the file (reported by the host that runs it).</summary>
    Crashed,

    /// <summary>The input could not be read or an output could not be written.</summary>
    IoError,
}

/// <summary>The kebab-case codes of <see cref="FailureCode"/>, as written in error files, logs and the ledger.</summary>
public static class FailureCodes
{
    /// <summary>The code's kebab-case name, e.g. "not-a-pdf".</summary>
    /// <param name="code">The failure code.</param>
    /// <returns>Its name.</returns>
    public static string ToCode(this FailureCode code) => code switch
    {
        FailureCode.NotAPdf => "not-a-pdf",
        FailureCode.Encrypted => "encrypted",
        FailureCode.Corrupt => "corrupt",
        FailureCode.NoTextLayer => "no-text-layer",
        FailureCode.TooLarge => "too-large",
        FailureCode.Timeout => "timeout",
        FailureCode.Crashed => "crashed",
        FailureCode.IoError => "io-error",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>The failure code named <paramref name="code"/>; <see cref="FailureCode.Crashed"/> for a name it does not know.</summary>
    /// <param name="code">A kebab-case name, as <see cref="ToCode"/> writes it.</param>
    /// <returns>The failure code.</returns>
    public static FailureCode Parse(string code) =>
        Enum.GetValues<FailureCode>().FirstOrDefault(c => c.ToCode() == code, FailureCode.Crashed);
}

/// <summary>
/// The file cannot be read as a letter at all: not a PDF, encrypted, corrupt, too large, or without a text layer.
/// Thrown by <see cref="LetterPdf"/>; <see cref="Code"/> says which. Problems in a letter's content are never thrown:
/// they are <see cref="ParseWarning"/>s.
/// </summary>
/// <param name="code">Why the file cannot be read.</param>
/// <param name="message">What is wrong with the file, in a sentence.</param>
/// <param name="stage">The pipeline stage that gave up.</param>
/// <param name="inner">What the PDF parser threw, if anything.</param>
public sealed class LetterFormatException(FailureCode code, string message, string stage = "parse", Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Why the file cannot be read.</summary>
    public FailureCode Code { get; } = code;

    /// <summary>The pipeline stage that gave up ("open", "guard", "layout", …).</summary>
    public string Stage { get; } = stage;
}
