using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace LetterPipeline.Worker;

/// <summary>
/// One pass over the inbox: each settled PDF is converted once per content and pipeline version, in a child
/// process, and leaves the inbox only after its outputs and ledger row are durable. One file's failure never stops
/// the pass. The stages, file by file: <see cref="DocumentLease"/> (only the lease holder works on a document),
/// <see cref="DocumentClaimer"/> (what the ledger says the document needs), <see cref="DocumentConversion"/> or
/// <see cref="KnownDocumentSettler"/>, and <see cref="InputArchive"/> (where the input goes). A file that failed for a
/// reason outside the letter waits its turn in <see cref="RetryBackoff"/>.
/// </summary>
internal sealed class InboxProcessor(
    IOptions<PipelineOptions> options,
    InboxScanner scanner,
    DocumentLease lease,
    RetryBackoff backoff,
    [FromKeyedServices(Resilience.Io)] ResiliencePipeline io,
    TimeProvider clock,
    ILogger<InboxProcessor> logger,
    LeftoverFiles? leftovers = null)
{
    /// <summary>How often a pass logs how far it is.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    public async Task<PassSummary> RunPassAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        leftovers?.Clean();
        var scan = await io.ExecuteAsync(async ct => await scanner.ScanAsync(ct), cancellationToken);
        foreach (var file in scan.StillWriting)
        {
            logger.LogStillWriting(file.Relative);
        }

        foreach (var file in scan.Incomplete)
        {
            logger.LogIncomplete(file.Relative, options.Value.IncompleteGrace);
        }

        var results = new ConcurrentQueue<(InboxFile File, DocumentResult Result)>(scan.StillWriting.Concat(scan.Incomplete).Select(f => (f, DocumentResult.StillWriting)));
        var progress = new BatchProgress(scan.Ready.Count);
        using (clock.CreateTimer(_ => logger.LogPassProgress(progress.Describe()), null, ProgressInterval, ProgressInterval))
        {
            try
            {
                await Parallel.ForEachAsync(scan.Ready, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
                    async (file, ct) =>
                    {
                        progress.Started(file.Relative);
                        var result = await ProcessGuardedAsync(file, ct);
                        progress.Finished(file.Relative, IsDone(result));
                        results.Enqueue((file, result));
                    });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                logger.LogPassInterrupted(results.Count(r => r.Result == DocumentResult.Converted), scan.Ready.Count);
                throw;
            }
        }

        var count = (DocumentResult r) => results.Count(x => x.Result == r);
        var summary = new PassSummary(count(DocumentResult.Converted), count(DocumentResult.Quarantined), count(DocumentResult.Duplicate),
            count(DocumentResult.Unchanged), count(DocumentResult.StillWriting), count(DocumentResult.Error), (long)clock.GetElapsedTime(started).TotalMilliseconds,
            count(DocumentResult.Leased), count(DocumentResult.Deferred) + count(DocumentResult.Waiting));
        logger.LogPass(summary.Converted, summary.Quarantined, summary.Duplicates, summary.Unchanged, summary.StillWriting, summary.Leased, summary.RetryLater,
            summary.Errors, summary.Milliseconds);
        var notDone = results.Where(r => !IsDone(r.Result) && r.Result != DocumentResult.StillWriting)
            .OrderBy(r => r.File.Relative, StringComparer.Ordinal)
            .Select(r => $"{r.File.Relative} ({Describe(r.Result)})")
            .ToList();
        if (notDone.Count > 0)
        {
            logger.LogNotDone(string.Join(", ", notDone));
        }

        return summary;
    }

    /// <summary>One file, as a job of the cluster hands it out: a file another node has already moved away is done.</summary>
    public async Task ProcessOneAsync(InboxFile file, CancellationToken cancellationToken)
    {
        // The scan saw a file; by now it may have been replaced by a link, which is not followed unless allowed.
        if (File.Exists(file.FullPath) && (options.Value.FollowFileLinks || new FileInfo(file.FullPath).LinkTarget is null))
        {
            await ProcessGuardedAsync(file, cancellationToken);
        }
    }

    private static bool IsDone(DocumentResult result) =>
        result is DocumentResult.Converted or DocumentResult.Duplicate or DocumentResult.Unchanged or DocumentResult.Leased;

    private static string Describe(DocumentResult result) => result switch
    {
        DocumentResult.Quarantined => "quarantined",
        DocumentResult.Deferred => "not converted for a reason outside the letter, retried later",
        DocumentResult.Waiting => "waiting to be retried",
        _ => "not processed, see the error above",
    };

    private async Task<DocumentResult> ProcessGuardedAsync(InboxFile file, CancellationToken cancellationToken)
    {
        if (!backoff.IsDue(file.Relative, out var due))
        {
            logger.LogWaiting(file.Relative, due);
            return DocumentResult.Waiting;
        }

        try
        {
            var result = await lease.ProcessAsync(file, cancellationToken);
            if (result is not (DocumentResult.Deferred or DocumentResult.Leased or DocumentResult.StillWriting))
            {
                backoff.Succeeded(file.Relative);
            }

            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // An I/O or database failure on one file must not stop the pass; the file stays for the next one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogDocumentError(ex, file.Relative);
            backoff.Failed(file.Relative);
            return DocumentResult.Error;
        }
    }
}
