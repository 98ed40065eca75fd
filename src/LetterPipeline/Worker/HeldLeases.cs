using System.Collections.Concurrent;
using LetterPipeline.Storage;

namespace LetterPipeline.Worker;

/// <summary>
/// The document leases this process is working under right now. The heartbeat renews exactly these, so a lease
/// this node failed to give back (the database gone at that moment) still runs out instead of living as long as
/// the node does.
/// </summary>
internal sealed class HeldLeases
{
    private readonly ConcurrentDictionary<DocumentKey, byte> keys = new();

    public void Add(DocumentKey key) => keys[key] = 0;

    public void Remove(DocumentKey key) => keys.TryRemove(key, out _);

    public IReadOnlyList<DocumentKey> Snapshot() => [.. keys.Keys];
}
