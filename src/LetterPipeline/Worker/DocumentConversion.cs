using LetterPipeline.Core;
using LetterPipeline.Isolation;
using LetterPipeline.Settings;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace LetterPipeline.Worker;

/// <summary>
/// Converts a document the ledger has claimed for an inbox file, records the outcome and moves the input to archive
/// or failed. The claim is in flight: it is converted, recorded and moved even if shutdown begins meanwhile, so no
/// claim is left half done. A failure of the environment (output folder missing or unwritable, disk full) is not
/// the letter's: the document stays in progress, its input in the inbox, and a later pass tries again. Whatever a
/// failed conversion left among the outputs is removed.
/// </summary>
internal sealed class DocumentConversion(
    IOptions<PipelineOptions> options,
    IDocumentConverter converter,
    ReferenceRecorder references,
    ILedger ledger,
    InputArchive archive,
    RetryBackoff backoff,
    [FromKeyedServices(Resilience.Io)] ResiliencePipeline io,
    TimeProvider clock,
    ILogger<InboxProcessor> logger)
{
    /// <param name="started">When work on the file began (<see cref="TimeProvider.GetTimestamp"/>), for the logged duration.</param>
    public async Task<DocumentResult> ConvertAsync(InboxFile file, LedgerEntry entry, long started)
    {
        var done = CancellationToken.None;
        // Not cancelled: the worker's pool is as large as the pass's parallelism, so a child is free.
        var stemPath = OutputPath(entry);
        var outcome = stemPath is not null
            ? await converter.ConvertAsync(file.FullPath, stemPath, done)
            : ConversionOutcome.Failure(file.FullPath, FailureCode.IoError, $"The output name '{entry.OutputStem}' would lie outside Pipeline:Output.", "name", 0);
        if (!outcome.Succeeded && stemPath is not null)
        {
            OutputFiles.RemoveAll(stemPath);
        }

        if (outcome.Code is { } failure && EnvironmentFailures.Includes(failure))
        {
            await io.ExecuteAsync(async ct => await ledger.DeferAsync(entry.Key, failure.ToCode(), outcome.Message, outcome.Stage, ct), done);
            var wait = backoff.Failed(file.Relative);
            logger.LogDeferred(file.Relative, entry.Key.Sha256, failure.ToCode(), outcome.Message, (long)clock.GetElapsedTime(started).TotalMilliseconds,
                Duration.Format(wait));
            return DocumentResult.Deferred;
        }

        var status = outcome.Succeeded ? DocumentStatus.Converted : DocumentStatus.Failed;
        var destination = archive.Destination(status, file, entry.Key.Sha256);
        if (!outcome.Succeeded)
        {
            await archive.WriteErrorFileAsync(destination, file, outcome, entry.Attempts, done);
        }

        if (outcome.Succeeded)
        {
            await references.RecordAsync(outcome, file.Relative, done);
        }

        var completion = new LedgerCompletion(status, outcome.Pages, outcome.Milliseconds, outcome.Code?.ToCode(), outcome.Message, outcome.Stage, clock.GetUtcNow(), outcome.Warnings);
        await io.ExecuteAsync(async ct => await ledger.CompleteAsync(entry.Key, completion, ct), done);
        if (destination is not null)
        {
            await archive.MoveAsync(file.FullPath, destination, done);
        }

        var ms = (long)clock.GetElapsedTime(started).TotalMilliseconds;
        if (outcome.Succeeded)
        {
            logger.LogConverted(file.Relative, entry.Key.Sha256, outcome.Pages, ms, outcome.Warnings, outcome.Flags.Count == 0 ? "-" : string.Join(',', outcome.Flags));
            foreach (var warning in outcome.WarningList)
            {
                logger.LogConversionWarning(file.Relative, warning.Page, warning.Code, warning.Message);
            }

            return DocumentResult.Converted;
        }

        logger.LogQuarantined(file.Relative, entry.Key.Sha256, outcome.Code!.Value.ToCode(), outcome.Message, ms);
        return DocumentResult.Quarantined;
    }

    /// <summary>The outputs' path without extension, or null when the recorded stem would lead outside the output folder.</summary>
    private string? OutputPath(LedgerEntry entry)
    {
        try
        {
            return options.Value.OutputStemPath(entry.OutputStem);
        }
        catch (OutputNameException)
        {
            return null;
        }
    }
}
