using LetterPipeline.Commands;
using LetterPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace LetterPipeline.Worker;

/// <summary>
/// Decides from the ledger what a leased document needs: a new one is claimed and converted, one left in progress by
/// an interrupted run (or by a failure of the environment) is converted again, one converted earlier whose outputs
/// are not where the configuration now puts them (another output folder, another format, a deleted file) is
/// converted again in its own row, and one done and complete is settled without converting.
/// </summary>
internal sealed class DocumentClaimer(
    IOptions<PipelineOptions> options,
    ILedger ledger,
    DocumentConversion conversion,
    KnownDocumentSettler known,
    [FromKeyedServices(Resilience.Io)] ResiliencePipeline io,
    TimeProvider clock,
    ILogger<InboxProcessor> logger)
{
    /// <param name="started">When work on the file began (<see cref="TimeProvider.GetTimestamp"/>), for the logged duration.</param>
    public async Task<DocumentResult> ProcessAsync(InboxFile file, DocumentKey key, long started, CancellationToken cancellationToken)
    {
        var entry = await io.ExecuteAsync(async ct => await ledger.FindAsync(key, ct), cancellationToken);
        if (entry is null)
        {
            var stem = await OutputStemAsync(file, key, cancellationToken);
            // Not cancelled: a claim half made at shutdown would leave a row in progress for no reason.
            var (claimed, created) = await io.ExecuteAsync(async ct => await ledger.ClaimAsync(key, file.Relative, stem, clock.GetUtcNow(), ct), CancellationToken.None);
            if (created)
            {
                return await conversion.ConvertAsync(file, claimed, started);
            }

            entry = claimed;
        }

        if (entry.Status == DocumentStatus.InProgress)
        {
            if (entry.File != file.Relative)
            {
                // A copy of a document another file is converting in this pass: decide once that one is done.
                logger.LogStillWriting(file.Relative);
                return DocumentResult.StillWriting;
            }

            // Left in progress by an interrupted run: its outputs may be partial or missing; convert again.
            var resumed = await io.ExecuteAsync(async ct => await ledger.ResumeAsync(key, clock.GetUtcNow(), ct), CancellationToken.None);
            return await conversion.ConvertAsync(file, resumed, started);
        }

        if (Unfinished(entry) is { } reason)
        {
            logger.LogReconverting(file.Relative, key.Sha256, reason);
            var reopened = await io.ExecuteAsync(async ct => await ledger.ReopenAsync(key, file.Relative, clock.GetUtcNow(), ct), CancellationToken.None);
            return await conversion.ConvertAsync(file, reopened, started);
        }

        return await known.SettleAsync(file, entry, started, cancellationToken);
    }

    /// <summary>Why a document the ledger calls finished is not done yet, or null when it is.</summary>
    private string? Unfinished(LedgerEntry entry)
    {
        if (entry.Status == DocumentStatus.Converted)
        {
            var stem = options.Value.OutputStemPath(entry.OutputStem);
            var missing = OutputFiles.Paths(stem, options.Value.FormatList).Where(p => !File.Exists(p)).ToList();
            return missing.Count == 0 ? null : $"its outputs are not all there ({string.Join(", ", missing)})";
        }

        // Recorded as quarantined by a version that did not yet tell the environment's failures from the letter's.
        return entry.Status == DocumentStatus.Failed && EnvironmentFailures.Includes(entry.Code)
            ? $"it failed for a reason outside the letter ({entry.Code}: {entry.Message})"
            : null;
    }

    /// <summary>
    /// The outputs' path below the output folder: the input's, without extension and made safe (<see cref="OutputNames"/>),
    /// unless another letter already has this name (same name, new content); then the content's short hash keeps both outputs.
    /// </summary>
    private async Task<string> OutputStemAsync(InboxFile file, DocumentKey key, CancellationToken cancellationToken)
    {
        var stem = OutputNames.Stem(file.Relative);
        return await io.ExecuteAsync(async ct => await ledger.IsOutputStemTakenAsync(stem, key, ct), cancellationToken)
            ? OutputStems.WithHash(stem, key.Sha256)
            : stem;
    }
}
