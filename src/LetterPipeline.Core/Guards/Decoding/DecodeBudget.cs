namespace LetterPipeline.Core.Guards.Decoding;

/// <summary>
/// What a document's streams may decode to together: every byte any filter stage puts out is charged, so the
/// guard's own work is bounded by <see cref="PdfInputLimits.MaxInflatedDocumentBytes"/> as well.
/// </summary>
internal sealed class DecodeBudget(PdfInputLimits limits)
{
    private long total;

    public PdfInputLimits Limits => limits;

    public void Charge(long bytes)
    {
        total += bytes;
        if (total > limits.MaxInflatedDocumentBytes)
        {
            throw new LetterFormatException(FailureCode.TooLarge,
                $"The compressed streams decode to more than {Megabytes(limits.MaxInflatedDocumentBytes)} together (limit per document).", "guard");
        }
    }

    /// <summary>The failure for a stream at byte <paramref name="at"/> whose decoding passes the limit per stream.</summary>
    public LetterFormatException StreamTooLarge(int at, string what) =>
        new(FailureCode.TooLarge,
            $"A compressed stream at byte {at} {what} more than {Megabytes(limits.MaxInflatedStreamBytes)} (limit per stream); a decompression bomb?", "guard");

    private static string Megabytes(long bytes) => $"{bytes / (1024 * 1024)} MB";
}
