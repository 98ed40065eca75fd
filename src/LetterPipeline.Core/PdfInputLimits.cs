namespace LetterPipeline.Core;

/// <summary>Limits on what a PDF may unpack to before the parser sees it.</summary>
/// <param name="MaxInflatedStreamBytes">One Flate stream may inflate to at most this many bytes.</param>
/// <param name="MaxInflatedDocumentBytes">All Flate streams together (images excepted) may inflate to at most this many bytes.</param>
public sealed record PdfInputLimits(long MaxInflatedStreamBytes = 64L << 20, long MaxInflatedDocumentBytes = 256L << 20)
{
    /// <summary>64 MB per stream, 256 MB per document.</summary>
    public static PdfInputLimits Default { get; } = new();
}
