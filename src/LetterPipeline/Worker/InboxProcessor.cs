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
/// <see cref="KnownDocumentSettler"/>, and <see cref="InputArchive"/> (where the input goes).
/// </summary>
internal sealed class InboxProcessor(
    IOptions<PipelineOptions> options,
    InboxScanner scanner,
    DocumentLease lease,
    [FromKeyedServices(Resilience.Io)] ResiliencePipeline io,
    TimeProvider clock,
    ILogger<InboxProcessor> logger,
    LeftoverFiles? leftovers = null)
{
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

        var results = new ConcurrentQueue<DocumentResult>(scan.StillWriting.Concat(scan.Incomplete).Select(_ => DocumentResult.StillWriting));
        try
        {
            await Parallel.ForEachAsync(scan.Ready, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
                async (file, ct) => results.Enqueue(await ProcessGuardedAsync(file, ct)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogPassInterrupted(results.Count(r => r == DocumentResult.Converted), scan.Ready.Count);
            throw;
        }

        var count = (DocumentResult r) => results.Count(x => x == r);
        var summary = new PassSummary(count(DocumentResult.Converted), count(DocumentResult.Quarantined), count(DocumentResult.Duplicate),
            count(DocumentResult.Unchanged), count(DocumentResult.StillWriting), count(DocumentResult.Error), (long)clock.GetElapsedTime(started).TotalMilliseconds,
            count(DocumentResult.Leased));
        logger.LogPass(summary.Converted, summary.Quarantined, summary.Duplicates, summary.Unchanged, summary.StillWriting, summary.Leased, summary.Errors, summary.Milliseconds);
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

    private async Task<DocumentResult> ProcessGuardedAsync(InboxFile file, CancellationToken cancellationToken)
    {
        try
        {
            return await lease.ProcessAsync(file, cancellationToken);
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
            return DocumentResult.Error;
        }
    }
}
