using LetterPipeline.Core;

namespace LetterPipeline.Isolation;

/// <summary>
/// Converts one input into its outputs, <c>outputStem</c> plus each format's extension. A document that
/// cannot be converted comes back as a failed <see cref="ConversionOutcome"/>, not as an exception. The worker's
/// converter is <see cref="ConversionPool"/>, which runs each document in a child process.
/// </summary>
internal interface IDocumentConverter
{
    /// <param name="cancellationToken">Cancels only waiting to start: a document once started finishes or times out.</param>
    Task<ConversionOutcome> ConvertAsync(string input, string outputStem, CancellationToken cancellationToken);
}
