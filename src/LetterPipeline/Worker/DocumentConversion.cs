using LetterPipeline.Core;
using LetterPipeline.Isolation;
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
/// claim is left half done.
/// </summary>
internal sealed class DocumentConversion(
    IOptions<PipelineOptions> options,
    IDocumentConverter converter,
    ReferenceRecorder references,
    ILedger ledger,
    InputArchive archive,
    [FromKeyedServices(Resilience.Io)] ResiliencePipeline io,
    TimeProvider clock,
    ILogger<InboxProcessor> logger)
{
    /// <param name="started">When work on the file began (<see cref="TimeProvider.GetTimestamp"/>), for the logged duration.</param>
    public async Task<DocumentResult> ConvertAsync(InboxFile file, LedgerEntry entry, long started)
    {
        var done = CancellationToken.None;
        // Not cancelled: the worker's pool is as large as the pass's parallelism, so a child is free.
        var outcome = await converter.ConvertAsync(file.FullPath, Path.Combine(Path.GetFullPath(options.Value.Output), entry.OutputStem), done);

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
}
