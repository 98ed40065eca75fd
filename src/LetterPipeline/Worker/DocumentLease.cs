using LetterPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace LetterPipeline.Worker;

/// <summary>
/// Works on an inbox file only while this node holds its document's cluster lease (the key is the file's content
/// and the pipeline version): another node may be converting the document or moving its input right now.
/// </summary>
internal sealed class DocumentLease(
    DocumentClaimer claimer,
    IClusterStore cluster,
    HeldLeases held,
    IOptions<ClusterOptions> clusterOptions,
    [FromKeyedServices(Resilience.Io)] ResiliencePipeline io,
    TimeProvider clock,
    ILogger<InboxProcessor> logger)
{
    private readonly KeyedGate<DocumentKey> sameContent = new();

    public async Task<DocumentResult> ProcessAsync(InboxFile file, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var sha = await io.ExecuteAsync(async ct => await ContentHash.Sha256Async(file.FullPath, ct), cancellationToken);
        var key = new DocumentKey(sha, PipelineVersion.Current);
        var node = clusterOptions.Value.NodeId;
        using var turn = await sameContent.EnterAsync(key, cancellationToken);
        if (!await io.ExecuteAsync(async ct => await cluster.TryLeaseAsync(key, node, clock.GetUtcNow(), clusterOptions.Value.LeaseTime, ct), cancellationToken))
        {
            logger.LogLeased(file.Relative, sha);
            return DocumentResult.Leased;
        }

        held.Add(key);
        var result = DocumentResult.Error;
        try
        {
            result = await claimer.ProcessAsync(file, key, started, cancellationToken);
            return result;
        }
        finally
        {
            DocumentStatus? finished = result switch { DocumentResult.Converted => DocumentStatus.Converted, DocumentResult.Quarantined => DocumentStatus.Failed, _ => null };
            try
            {
                if (!await io.ExecuteAsync(async ct => await cluster.ReleaseAsync(key, node, finished, clock.GetUtcNow(), ct), CancellationToken.None))
                {
                    logger.LogLeaseLost(file.Relative, sha);
                }
            }
            finally
            {
                // Not renewed any more: a lease that could not be given back runs out on its own.
                held.Remove(key);
            }
        }
    }
}
