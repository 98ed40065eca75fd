using LetterPipeline.Storage;
using LetterPipeline.Tests.Tracking;

namespace LetterPipeline.Tests.Storage;

/// <summary>What only the PostgreSQL ledger has to prove: several nodes migrating one database at once. <see cref="LedgerTests"/> runs the shared contract on both.</summary>
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

    private AdoLedger Open() =>
        new(new PostgresDatabase(new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = connectionString }, TimeProvider.System));
}
