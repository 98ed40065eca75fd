using LetterPipeline.Core;
using LetterPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;

namespace LetterPipeline.Worker;

/// <summary>
/// An inbox file whose content the ledger has already converted or failed: the same file left behind by an
/// interrupted run (or delivered again), or a copy under another name. Nothing is converted; the file is recorded
/// as a duplicate when it is a copy, and moved where its document's outcome says.
/// </summary>
internal sealed class KnownDocumentSettler(
    ILedger ledger,
    InputArchive archive,
    [FromKeyedServices(Resilience.Io)] ResiliencePipeline io,
    TimeProvider clock,
    ILogger<InboxProcessor> logger)
{
    /// <param name="started">When work on the file began (<see cref="TimeProvider.GetTimestamp"/>), for the logged duration.</param>
    public async Task<DocumentResult> SettleAsync(InboxFile file, LedgerEntry entry, long started, CancellationToken cancellationToken)
    {
        // The same name is this document's own input, left behind by an interrupted run (or delivered again): finish its move.
        var sameFile = entry.File == file.Relative;
        var destination = archive.Destination(entry.Status, file, entry.Key.Sha256);
        var newlyRecorded = !sameFile
            && await io.ExecuteAsync(async ct => await ledger.RecordDuplicateAsync(entry.Key, file.Relative, clock.GetUtcNow(), ct), cancellationToken);

        if (destination is not null)
        {
            if (entry.Status == DocumentStatus.Failed)
            {
                var outcome = ConversionOutcome.Failure(file.FullPath, FailureCodes.Parse(entry.Code ?? ""), entry.Message ?? "", entry.Stage ?? "", 0);
                await archive.WriteErrorFileAsync(destination, file, outcome, entry.Attempts, cancellationToken);
            }

            await archive.MoveAsync(file.FullPath, destination, CancellationToken.None);
        }

        var ms = (long)clock.GetElapsedTime(started).TotalMilliseconds;
        if (newlyRecorded)
        {
            logger.LogDuplicate(file.Relative, entry.Key.Sha256, entry.File, ms);
            return DocumentResult.Duplicate;
        }

        if (destination is not null)
        {
            logger.LogSettled(file.Relative, entry.Key.Sha256, destination, ms);
        }
        else
        {
            logger.LogUnchanged(file.Relative, entry.Key.Sha256);
        }

        return DocumentResult.Unchanged;
    }
}
