using LetterPipeline.Core;
using LetterPipeline.Isolation;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;

namespace LetterPipeline.Worker;

/// <summary>How rebuilding one letter's outputs ended.</summary>
internal enum RebuildResult
{
    Rebuilt,

    /// <summary>Its input is in neither the inbox nor the archive any more.</summary>
    InputMissing,

    /// <summary>A worker holds the document right now.</summary>
    Busy,

    /// <summary>The letter does not convert under this pipeline: recorded as failed.</summary>
    Failed,

    /// <summary>The environment stopped it (output folder, disk): the ledger is left as it was.</summary>
    NotWritten,
}

/// <summary>One letter's rebuild, with the failure's code and message when there is one.</summary>
internal sealed record Rebuild(LedgerEntry Entry, RebuildResult Result, string? Code = null, string? Message = null);

/// <summary>
/// <c>letterpipe reconvert</c>: writes a converted letter's outputs again from its input, wherever the worker left
/// it (inbox or archive), into the current output folder and formats, under the output name the ledger gave it,
/// and records the conversion in the same ledger row (for the current pipeline version; a row of an older version
/// gets its current-version row, as a pass would make it). The document's lease keeps a worker off it meanwhile.
/// </summary>
internal sealed class OutputRebuild(
    IOptions<PipelineOptions> options,
    IOptions<ClusterOptions> clusterOptions,
    ILedger ledger,
    IClusterStore cluster,
    IDocumentConverter converter,
    ReferenceRecorder references,
    [FromKeyedServices(Resilience.Io)] ResiliencePipeline io,
    TimeProvider clock)
{
    // Not the worker's node id: this process neither beats nor counts as a node in 'status'.
    private readonly string node = $"{clusterOptions.Value.NodeId}/reconvert-{Environment.ProcessId}";

    public async Task<Rebuild> RebuildAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var names = new[] { entry.File }.Concat(await ledger.DuplicatesAsync(entry.Key, cancellationToken)).ToList();
        var inputs = InputLocator.Find(entry.Key.Sha256, names, o.Inbox, o.Archive);
        if (inputs.Count == 0)
        {
            return new Rebuild(entry, RebuildResult.InputMissing);
        }

        var key = new DocumentKey(entry.Key.Sha256, PipelineVersion.Current);
        // Held as long as a conversion may take: nothing renews it.
        var leaseTime = o.DocumentTimeout + clusterOptions.Value.LeaseTime;
        if (!await io.ExecuteAsync(async ct => await cluster.TryLeaseAsync(key, node, clock.GetUtcNow(), leaseTime, ct), cancellationToken))
        {
            return new Rebuild(entry, RebuildResult.Busy);
        }

        try
        {
            var stemPath = o.OutputStemPath(entry.OutputStem);
            var outcome = await converter.ConvertAsync(inputs[0].Path, stemPath, cancellationToken);
            if (!outcome.Succeeded)
            {
                OutputFiles.RemoveAll(stemPath);
                var code = outcome.Code!.Value;
                if (EnvironmentFailures.Includes(code))
                {
                    return new Rebuild(entry, RebuildResult.NotWritten, code.ToCode(), outcome.Message);
                }
            }
            else
            {
                await references.RecordAsync(outcome, entry.File, CancellationToken.None);
            }

            await RecordAsync(entry, key, outcome);
            return outcome.Succeeded
                ? new Rebuild(entry, RebuildResult.Rebuilt)
                : new Rebuild(entry, RebuildResult.Failed, outcome.Code!.Value.ToCode(), outcome.Message);
        }
        finally
        {
            // Released without a node's credit: the work is this command's, not a worker node's.
            await io.ExecuteAsync(async ct => await cluster.ReleaseAsync(key, node, null, clock.GetUtcNow(), ct), CancellationToken.None);
        }
    }

    private async Task RecordAsync(LedgerEntry entry, DocumentKey key, ConversionOutcome outcome)
    {
        var done = CancellationToken.None;
        var (_, created) = await io.ExecuteAsync(async ct => await ledger.ClaimAsync(key, entry.File, entry.OutputStem, clock.GetUtcNow(), ct), done);
        if (!created)
        {
            await io.ExecuteAsync(async ct => await ledger.ReopenAsync(key, entry.File, clock.GetUtcNow(), ct), done);
        }

        var completion = new LedgerCompletion(outcome.Succeeded ? DocumentStatus.Converted : DocumentStatus.Failed, outcome.Pages, outcome.Milliseconds,
            outcome.Code?.ToCode(), outcome.Message, outcome.Stage, clock.GetUtcNow());
        await io.ExecuteAsync(async ct => await ledger.CompleteAsync(key, completion, ct), done);
    }
}
