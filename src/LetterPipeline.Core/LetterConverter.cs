using System.Diagnostics;
using System.Security.Cryptography;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Core;

/// <summary>
/// Converts one PDF file into its output files (one per writer), written atomically and, unless
/// <paramref name="durability"/> leaves it to the caller, on disk before <see cref="Convert"/> returns.
/// </summary>
public sealed class LetterConverter(LetterParser parser, IReadOnlyList<ILetterWriter> writers, FileDurability durability = FileDurability.Immediate)
{
    /// <summary>Converts <paramref name="input"/> into <c>outputStem.&lt;format&gt;</c> files; never throws for bad input.</summary>
    /// <param name="cancellationToken">The document's time limit; when it fires, the document fails with <see cref="FailureCode.Timeout"/>.</param>
    public ConversionOutcome Convert(string input, string outputStem, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var bytes = File.ReadAllBytes(input);
            var sha256 = Convert256(bytes);
            var result = parser.Parse(bytes, Path.GetFileName(input), sha256, cancellationToken: cancellationToken);
            var outputs = new List<string>(writers.Count);
            foreach (var writer in writers)
            {
                var path = $"{outputStem}.{writer.Format}";
                AtomicFile.Write(path, stream => writer.Write(result.Letter, stream), durability);
                outputs.Add(path);
            }

            return ConversionOutcome.Success(input, result.Letter.Source.Pages, outputs, clock.ElapsedMilliseconds, result.Warnings.Count);
        }
        catch (LetterFormatException ex)
        {
            return ConversionOutcome.Failure(input, ex.Code, ex.Message, ex.Stage, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ConversionOutcome.Failure(input, FailureCode.Timeout,
                "Conversion did not finish within the time limit; its external tools (qpdf, OCR) were stopped.", "parse", clock.ElapsedMilliseconds);
        }
        catch (IOException ex)
        {
            return ConversionOutcome.Failure(input, FailureCode.IoError, ex.Message, "io", clock.ElapsedMilliseconds);
        }
        catch (UnauthorizedAccessException ex)
        {
            return ConversionOutcome.Failure(input, FailureCode.IoError, ex.Message, "io", clock.ElapsedMilliseconds);
        }
    }

    public static string Convert256(ReadOnlySpan<byte> bytes) => System.Convert.ToHexStringLower(SHA256.HashData(bytes));
}
