namespace LetterPipeline.Storage;

/// <summary>
/// What one node of the cluster has done and when it was last heard from; <see cref="Alive"/> while it runs (it
/// has not stopped and its heartbeat is recent).
/// </summary>
internal sealed record NodeStatus(int Processed, int Failed, DateTimeOffset? LastSeen, bool Alive = false);

/// <summary>A document that is not converted, as the ledger records it: quarantined, or waiting to be retried.</summary>
internal sealed record DocumentProblem(string File, string? Code, string? Message, DateTimeOffset? Time);

/// <summary>
/// The cluster as the ledger sees it: documents by outcome, and per node (the nodes alive and those that finished
/// work). <see cref="FailedFiles"/> are quarantined; <see cref="Retrying"/> failed for a reason outside the letter
/// and are tried again. <see cref="Warnings"/> counts the warnings of the converted letters, <see cref="WithWarnings"/>
/// the converted letters that have any.
/// </summary>
internal sealed record ClusterStatus(int Processed, int Failed, int InProgress, IReadOnlyDictionary<string, NodeStatus> ByNode, int Warnings = 0, int WithWarnings = 0)
{
    public IReadOnlyList<DocumentProblem> FailedFiles { get; init; } = [];

    public IReadOnlyList<DocumentProblem> Retrying { get; init; } = [];

    public int NodesAlive => ByNode.Values.Count(n => n.Alive);
}

/// <summary>
/// Document leases and node heartbeats, in the ledger's database. A node works on a document (converts it, or
/// moves its input out of the inbox) only while it holds the document's lease; the lease lives as long as the
/// node's heartbeat renews it, so the work of a node that dies is free again once <c>Cluster:LeaseTime</c> has
/// passed. Times come from the nodes' clocks, which must be synchronised, as Quartz clustering requires anyway.
/// </summary>
internal interface IClusterStore
{
    /// <summary>Creates or upgrades the lease tables (and on PostgreSQL the Quartz schema); safe on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Registers <paramref name="node"/> and frees leases a previous process left behind: its own on PostgreSQL,
    /// all of them on SQLite, whose ledger has one worker at a time.
    /// </summary>
    Task StartNodeAsync(string node, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Takes the lease of <paramref name="key"/> unless another holder's lease is still running.</summary>
    Task<bool> TryLeaseAsync(DocumentKey key, string node, DateTimeOffset now, TimeSpan leaseTime, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the lease back, recording <paramref name="finished"/> (converted or failed) as this node's work when
    /// given. False when the lease was no longer this node's: it expired and another node took the document.
    /// </summary>
    Task<bool> ReleaseAsync(DocumentKey key, string node, DocumentStatus? finished, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the node is alive and extends the leases it is working under, <paramref name="held"/>, to
    /// <paramref name="now"/> + <paramref name="leaseTime"/>. Any other lease of the node runs out.
    /// </summary>
    Task HeartbeatAsync(string node, IReadOnlyCollection<DocumentKey> held, DateTimeOffset now, TimeSpan leaseTime, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="node"/> stopped cleanly: it no longer counts as alive.</summary>
    Task StopNodeAsync(string node, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The documents by outcome and the nodes: alive when not stopped and seen within <paramref name="aliveWithin"/>
    /// of <paramref name="now"/>; a node neither alive nor with finished work (a process that did nothing) is left out.
    /// </summary>
    Task<ClusterStatus> StatusAsync(DateTimeOffset now, TimeSpan aliveWithin, CancellationToken cancellationToken);
}
