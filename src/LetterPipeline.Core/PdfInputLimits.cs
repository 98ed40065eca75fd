namespace LetterPipeline.Core;

/// <summary>Limits on what a PDF may unpack to before the parser sees it.</summary>
/// <param name="MaxInflatedStreamBytes">One stream may decode to at most this many bytes, after each filter of its chain.</param>
/// <param name="MaxInflatedDocumentBytes">All streams together (images excepted) may decode to at most this many bytes, every filter's output counted.</param>
public sealed record PdfInputLimits(long MaxInflatedStreamBytes = 64L << 20, long MaxInflatedDocumentBytes = 256L << 20)
{
    /// <summary>64 MB per stream, 256 MB per document.</summary>
    public static PdfInputLimits Default { get; } = new();
}
