namespace LetterPipeline.Core;

/// <summary>Cheap checks on the raw bytes before the PDF parser sees them.</summary>
internal static class PdfInputGuard
{
    public static void Check(ReadOnlySpan<byte> pdf)
    {
        if (pdf.Length == 0)
        {
            throw new LetterFormatException(FailureCode.NotAPdf, "The file is empty.", "guard");
        }

        // The PDF spec allows the header anywhere in the first 1024 bytes; readers accept that too.
        var head = pdf[..Math.Min(pdf.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) < 0)
        {
            throw new LetterFormatException(FailureCode.NotAPdf, "The file has no PDF header (%PDF-) in its first 1024 bytes.", "guard");
        }
    }
}
