using System.Diagnostics;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Core;

/// <summary>
/// Converts one PDF file into its output files (one per writer), written atomically and, unless
/// <paramref name="durability"/> leaves it to the caller, on disk before <see cref="Convert(string, string, LetterPdfOptions)"/> returns.
/// </summary>
/// <param name="writers">The output formats, one file each.</param>
/// <param name="durability">Whether each output is on disk before <see cref="Convert(string, string, LetterPdfOptions)"/> returns, or the caller syncs a batch.</param>
public sealed class LetterConverter(IReadOnlyList<ILetterWriter> writers, FileDurability durability = FileDurability.Immediate)
{
    /// <summary>Converts <paramref name="input"/> into <c>outputStem.&lt;format&gt;</c> files; never throws for bad input.</summary>
    /// <param name="input">The PDF file's path.</param>
    /// <param name="outputStem">The output paths without their extension.</param>
    /// <returns>What happened: the files written, or the failure and its code.</returns>
    public ConversionOutcome Convert(string input, string outputStem) => Convert(input, outputStem, LetterPdfOptions.Default);

    /// <summary>
    /// Converts <paramref name="input"/> into <c>outputStem.&lt;format&gt;</c> files, read with <paramref name="options"/>
    /// (OCR, time limit, input limits); never throws for bad input.
    /// </summary>
    /// <param name="input">The PDF file's path.</param>
    /// <param name="outputStem">The output paths without their extension.</param>
    /// <param name="options">How the PDF is read; its <see cref="LetterPdfOptions.CancellationToken"/> firing fails the document with <see cref="FailureCode.Timeout"/>.</param>
    /// <returns>What happened: the files written, or the failure and its code.</returns>
    public ConversionOutcome Convert(string input, string outputStem, LetterPdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = LetterPdf.Parse(input, options);
            var outputs = new List<string>(writers.Count);
            foreach (var writer in writers)
            {
                var path = $"{outputStem}.{writer.Format}";
                AtomicFile.Write(path, stream => writer.Write(result.Letter, stream), durability);
                outputs.Add(path);
            }

            return ConversionOutcome.Success(input, result.Letter.Source.Pages, outputs, clock.ElapsedMilliseconds, result.Warnings.Count) with
            {
                WarningList = result.Warnings,
                Flags = result.Letter.Quality.Flags,
            };
        }
        catch (LetterFormatException ex)
        {
            return ConversionOutcome.Failure(input, ex.Code, ex.Message, ex.Stage, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (options.CancellationToken.IsCancellationRequested)
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
}
