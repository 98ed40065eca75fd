namespace LetterPipeline.Core;

/// <summary>Why a file could not be converted; serialised as its kebab-case code ("not-a-pdf").</summary>
public enum FailureCode
{
    NotAPdf,
    Encrypted,
    Corrupt,
    NoTextLayer,
    TooLarge,
    Timeout,
    Crashed,
    IoError,
}

public static class FailureCodes
{
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

    public static FailureCode Parse(string code) =>
        Enum.GetValues<FailureCode>().FirstOrDefault(c => c.ToCode() == code, FailureCode.Crashed);
}

/// <summary>The file cannot be read as a letter at all: not a PDF, encrypted, no text layer, too large.</summary>
public sealed class LetterFormatException(FailureCode code, string message, string stage = "parse", Exception? inner = null)
    : Exception(message, inner)
{
    public FailureCode Code { get; } = code;

    /// <summary>The pipeline stage that gave up ("open", "guard", "layout", …).</summary>
    public string Stage { get; } = stage;
}
