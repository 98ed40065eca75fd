using LetterPipeline.Storage;

namespace LetterPipeline.Tests.Support;

/// <summary>One <see cref="FakeClusterStore.ReleaseAsync"/> call and what it answered.</summary>
internal sealed record LeaseRelease(DocumentKey Key, string Node, DocumentStatus? Finished, bool Released);

/// <summary>
/// Document leases in memory, with <see cref="AdoClusterStore"/>'s rules: a running lease is refused to every node,
/// its holder included, until it is released or has expired, and only the current holder can release it.
/// </summary>
internal sealed class FakeClusterStore : IClusterStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<DocumentKey, (string Node, DateTimeOffset? Until)> leases = [];
    private readonly List<LeaseRelease> releases = [];

    public IReadOnlyList<LeaseRelease> Releases
    {
        get
        {
            lock (gate)
            {
                return [.. releases];
            }
        }
    }

    /// <summary>The node whose lease on <paramref name="key"/> was taken last, released or not; null when none was.</summary>
    public string? Holder(DocumentKey key)
    {
        lock (gate)
        {
            return leases.TryGetValue(key, out var lease) ? lease.Node : null;
        }
    }

    public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartNodeAsync(string node, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> TryLeaseAsync(DocumentKey key, string node, DateTimeOffset now, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (leases.TryGetValue(key, out var lease) && lease.Until is { } until && until >= now)
            {
                return Task.FromResult(false);
            }

            leases[key] = (node, now + leaseTime);
            return Task.FromResult(true);
        }
    }

    public Task<bool> ReleaseAsync(DocumentKey key, string node, DocumentStatus? finished, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var released = leases.TryGetValue(key, out var lease) && lease.Node == node && lease.Until is not null;
            if (released)
            {
                leases[key] = (node, null);
            }

            releases.Add(new LeaseRelease(key, node, finished, released));
            return Task.FromResult(released);
        }
    }

    public Task HeartbeatAsync(string node, IReadOnlyCollection<DocumentKey> held, DateTimeOffset now, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var key in held.Where(k => leases.TryGetValue(k, out var l) && l.Node == node && l.Until is not null))
            {
                leases[key] = (node, now + leaseTime);
            }

            return Task.CompletedTask;
        }
    }

    public Task StopNodeAsync(string node, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ClusterStatus> StatusAsync(DateTimeOffset now, TimeSpan aliveWithin, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The inbox pass never asks for the cluster's status.");
}
