using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace LetterPipeline.Core.Guards;

/// <summary>
/// Turns what PdfPig throws on a bad file into a <see cref="LetterFormatException"/> with a specific code.
/// PdfPig documents only two exception types; on hostile files it also throws whatever its internals hit
/// (NullReference, IndexOutOfRange, InvalidCast, …). Those come from the file, not from us, so they read as corrupt.
/// </summary>
internal static class PdfFailures
{
    private const string PdfPigAssemblyPrefix = "UglyToad.PdfPig";

    /// <summary>The failure for <paramref name="exception"/>, or null when it did not come from PdfPig (a bug of ours).</summary>
    public static LetterFormatException? Map(Exception exception, string stage) => exception switch
    {
        LetterFormatException known => known,
        PdfDocumentEncryptedException => new LetterFormatException(FailureCode.Encrypted,
            $"The PDF is encrypted and cannot be read without its password: {exception.Message}", stage, exception),
        PdfDocumentFormatException => new LetterFormatException(FailureCode.Corrupt,
            $"The PDF structure cannot be read: {exception.Message}", stage, exception),
        OutOfMemoryException or StackOverflowException => null,
        _ when ThrownInsidePdfPig(exception) => new LetterFormatException(FailureCode.Corrupt,
            $"The PDF cannot be parsed ({exception.GetType().Name}): {exception.Message}", stage, exception),
        _ => null,
    };

    private static bool ThrownInsidePdfPig(Exception exception) =>
        new System.Diagnostics.StackTrace(exception, fNeedFileInfo: false).GetFrames()
            .Any(f => f.GetMethod()?.DeclaringType?.Assembly.GetName().Name?.StartsWith(PdfPigAssemblyPrefix, StringComparison.Ordinal) == true);
}
