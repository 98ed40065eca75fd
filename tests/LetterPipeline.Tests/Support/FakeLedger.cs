using LetterPipeline.Storage;

namespace LetterPipeline.Tests.Support;

/// <summary>The ledger in memory, with <see cref="AdoLedger"/>'s rules: one row per key, a claim never replaces one.</summary>
internal sealed class FakeLedger : ILedger
{
    private readonly Lock gate = new();
    private readonly Dictionary<DocumentKey, LedgerEntry> rows = [];
    private readonly List<(DocumentKey Key, string File)> duplicates = [];

    public IReadOnlyList<LedgerEntry> Rows
    {
        get
        {
            lock (gate)
            {
                return [.. rows.Values];
            }
        }
    }

    /// <summary>The files recorded as copies, in the order they were seen.</summary>
    public IReadOnlyList<string> Duplicates
    {
        get
        {
            lock (gate)
            {
                return [.. duplicates.Select(d => d.File)];
            }
        }
    }

    public LedgerEntry Row(DocumentKey key)
    {
        lock (gate)
        {
            return rows[key];
        }
    }

    /// <summary>A row as an earlier run left it.</summary>
    public void Add(LedgerEntry entry)
    {
        lock (gate)
        {
            rows.Add(entry.Key, entry);
        }
    }

    public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>While set, the ledger does not answer, as a database that is down.</summary>
    public bool Unavailable { get; set; }

    public Task<LedgerEntry?> FindAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        if (Unavailable)
        {
            throw new TimeoutException("The database did not answer.");
        }

        lock (gate)
        {
            return Task.FromResult(rows.GetValueOrDefault(key));
        }
    }

    public Task<(LedgerEntry Entry, bool Created)> ClaimAsync(DocumentKey key, string file, string outputStem, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (rows.TryGetValue(key, out var existing))
            {
                return Task.FromResult((existing, false));
            }

            var entry = new LedgerEntry(key, file, outputStem, DocumentStatus.InProgress, 1, 0, null, null, null, now, null);
            rows.Add(key, entry);
            return Task.FromResult((entry, true));
        }
    }

    public Task<LedgerEntry> ResumeAsync(DocumentKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var entry = rows[key] with { Attempts = rows[key].Attempts + 1, ClaimedAt = now };
            rows[key] = entry;
            return Task.FromResult(entry);
        }
    }

    public Task CompleteAsync(DocumentKey key, LedgerCompletion completion, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            rows[key] = rows[key] with
            {
                Status = completion.Status,
                Pages = completion.Pages,
                Code = completion.Code,
                Message = completion.Message,
                Stage = completion.Stage,
                CompletedAt = completion.CompletedAt,
            };
            return Task.CompletedTask;
        }
    }

    public Task<bool> IsOutputStemTakenAsync(string outputStem, DocumentKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(rows.Values.Any(r => r.OutputStem == outputStem && r.Key.Sha256 != key.Sha256));
        }
    }

    public Task<LedgerEntry> ReopenAsync(DocumentKey key, string file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var entry = rows[key] with { Status = DocumentStatus.InProgress, File = file, Attempts = rows[key].Attempts + 1, ClaimedAt = now, CompletedAt = null };
            rows[key] = entry;
            return Task.FromResult(entry);
        }
    }

    public Task DeferAsync(DocumentKey key, string code, string? message, string? stage, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (rows[key].Status == DocumentStatus.InProgress)
            {
                rows[key] = rows[key] with { Code = code, Message = message, Stage = stage };
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<LedgerEntry>> ListAsync(DocumentStatus status, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<LedgerEntry>>([.. rows.Values.Where(r => r.Status == status).OrderBy(r => r.ClaimedAt)]);
        }
    }

    public Task<IReadOnlyList<string>> DuplicatesAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. duplicates.Where(d => d.Key == key).Select(d => d.File)]);
        }
    }

    public Task ForgetAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            duplicates.RemoveAll(d => d.Key == key);
            rows.Remove(key);
            return Task.CompletedTask;
        }
    }

    public Task<bool> RecordDuplicateAsync(DocumentKey key, string file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (duplicates.Contains((key, file)))
            {
                return Task.FromResult(false);
            }

            duplicates.Add((key, file));
            return Task.FromResult(true);
        }
    }
}
