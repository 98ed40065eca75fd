namespace LetterPipeline.Worker;

/// <summary>
/// Lets one caller at a time through per key, inside this process. Two inbox files with the same content (a letter
/// and its renamed copy) in one pass take turns for the document's lease instead of one of them losing it to its
/// own node and waiting for the next pass.
/// </summary>
internal sealed class KeyedGate<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Entry> entries = [];

    public async Task<IDisposable> EnterAsync(TKey key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (entries)
        {
            if (!entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                entries[key] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, entry, release: false);
            throw;
        }

        return new Pass(() => Leave(key, entry, release: true));
    }

    private void Leave(TKey key, Entry entry, bool release)
    {
        if (release)
        {
            entry.Gate.Release();
        }

        lock (entries)
        {
            // The last user removes the key, so the dictionary holds only documents in flight.
            if (--entry.Users == 0)
            {
                entries.Remove(key);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Pass(Action leave) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                leave();
            }
        }
    }
}
