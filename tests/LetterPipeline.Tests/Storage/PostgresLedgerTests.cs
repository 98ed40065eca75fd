using LetterPipeline.Storage;
using LetterPipeline.Tests.Tracking;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Tests.Storage;

/// <summary>The PostgreSQL ledger keeps the contract the SQLite ledger's tests describe, on a real server.</summary>
public sealed class PostgresLedgerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DocumentKey Key = new(new string('a', 64), "v1");

    private string connectionString = "";

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is null)
        {
            connectionString = await PostgresServer.CreateDatabaseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (connectionString.Length > 0)
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [PostgresFact]
    public async Task MigrateAsync_FourProcessesAtOnceThenAgain_AppliesEachStepOnceAndKeepsRows()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Open().MigrateAsync(CancellationToken.None)));
        await Open().ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        await Open().MigrateAsync(CancellationToken.None);

        Assert.NotNull(await Open().FindAsync(Key, CancellationToken.None));
    }

    [PostgresFact]
    public async Task ClaimAsync_KeyAlreadyClaimed_ReturnsFirstClaimNotCreated()
    {
        var ledger = await MigratedAsync();
        var (first, created) = await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        var (second, createdAgain) = await ledger.ClaimAsync(Key, "copy.pdf", "copy", Noon, CancellationToken.None);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal("a.pdf", second.File);
        Assert.Equal(DocumentStatus.InProgress, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(Noon, first.ClaimedAt);
    }

    [PostgresFact]
    public async Task CompleteAsync_Failed_IsFoundWithCodeAndResumeCountsAttempts()
    {
        var ledger = await MigratedAsync();
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);
        await ledger.ResumeAsync(Key, Noon.AddMinutes(1), CancellationToken.None);

        await ledger.CompleteAsync(Key, new LedgerCompletion(DocumentStatus.Failed, 0, 12, "timeout", "too slow", "parse", Noon.AddMinutes(2)), CancellationToken.None);

        var entry = await ledger.FindAsync(Key, CancellationToken.None);
        Assert.NotNull(entry);
        Assert.Equal(DocumentStatus.Failed, entry.Status);
        Assert.Equal("timeout", entry.Code);
        Assert.Equal(2, entry.Attempts);
        Assert.Equal(Noon.AddMinutes(2), entry.CompletedAt);
        Assert.Null(await ledger.FindAsync(Key with { PipelineVersion = "v2" }, CancellationToken.None));
    }

    [PostgresFact]
    public async Task RecordDuplicateAndOutputStem_BehaveAsOnSqlite()
    {
        var ledger = await MigratedAsync();
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        Assert.True(await ledger.RecordDuplicateAsync(Key, "b.pdf", Noon, CancellationToken.None));
        Assert.False(await ledger.RecordDuplicateAsync(Key, "b.pdf", Noon, CancellationToken.None));
        Assert.True(await ledger.IsOutputStemTakenAsync("a", Key with { Sha256 = new string('b', 64) }, CancellationToken.None));
        Assert.False(await ledger.IsOutputStemTakenAsync("a", Key, CancellationToken.None));
    }

    private async Task<PostgresLedger> MigratedAsync()
    {
        var ledger = Open();
        await ledger.MigrateAsync(CancellationToken.None);
        return ledger;
    }

    private PostgresLedger Open() =>
        new(Options.Create(new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = connectionString }), TimeProvider.System);
}
