using LetterPipeline.Storage;
using LetterPipeline.Tests.Support;
using LetterPipeline.Tests.Tracking;

namespace LetterPipeline.Tests.Storage;

/// <summary>Document leases and node heartbeats, run against each provider.</summary>
public sealed class ClusterStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly DocumentKey Key = new(new string('a', 64), "v1");

    private TestDatabase? database;
    private IClusterStore store = null!;
    private ILedger ledger = null!;

    public void Dispose() => database?.Dispose();

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task TryLeaseAsync_HeldByAnotherNode_IsRefusedUntilItExpires(string provider)
    {
        await StartAsync(provider);

        Assert.True(await store.TryLeaseAsync(Key, "a", Noon, Lease, CancellationToken.None));
        Assert.False(await store.TryLeaseAsync(Key, "b", Noon.AddSeconds(29), Lease, CancellationToken.None));
        Assert.False(await store.TryLeaseAsync(Key, "a", Noon.AddSeconds(29), Lease, CancellationToken.None));
        Assert.True(await store.TryLeaseAsync(Key, "b", Noon.AddSeconds(31), Lease, CancellationToken.None));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task TryLeaseAsync_ManyNodesAtOnce_ExactlyOneWins(string provider)
    {
        await StartAsync(provider);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.TryLeaseAsync(Key, $"node-{i}", Noon, Lease, CancellationToken.None))));

        Assert.Single(attempts, won => won);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task HeartbeatAsync_HolderAlive_KeepsItsLeasesPastTheFirstExpiry(string provider)
    {
        await StartAsync(provider);
        await store.TryLeaseAsync(Key, "a", Noon, Lease, CancellationToken.None);

        await store.HeartbeatAsync("a", [Key], Noon.AddSeconds(20), Lease, CancellationToken.None);

        Assert.False(await store.TryLeaseAsync(Key, "b", Noon.AddSeconds(45), Lease, CancellationToken.None));
        Assert.True(await store.TryLeaseAsync(Key, "b", Noon.AddSeconds(51), Lease, CancellationToken.None));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task HeartbeatAsync_LeaseTheNodeNoLongerWorksUnder_RunsOut(string provider)
    {
        await StartAsync(provider);
        var other = Key with { Sha256 = new string('b', 64) };
        await store.TryLeaseAsync(Key, "a", Noon, Lease, CancellationToken.None);
        await store.TryLeaseAsync(other, "a", Noon, Lease, CancellationToken.None);

        await store.HeartbeatAsync("a", [other], Noon.AddSeconds(20), Lease, CancellationToken.None);

        Assert.True(await store.TryLeaseAsync(Key, "b", Noon.AddSeconds(31), Lease, CancellationToken.None));
        Assert.False(await store.TryLeaseAsync(other, "b", Noon.AddSeconds(31), Lease, CancellationToken.None));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task ReleaseAsync_ByHolder_FreesTheDocumentAndCountsItForTheNode(string provider)
    {
        await StartAsync(provider);
        await store.StartNodeAsync("a", Noon, CancellationToken.None);
        await store.TryLeaseAsync(Key, "a", Noon, Lease, CancellationToken.None);
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);
        await ledger.CompleteAsync(Key, new LedgerCompletion(DocumentStatus.Converted, 2, 10, null, null, null, Noon.AddSeconds(1)), CancellationToken.None);

        Assert.True(await store.ReleaseAsync(Key, "a", DocumentStatus.Converted, Noon.AddSeconds(1), CancellationToken.None));

        Assert.True(await store.TryLeaseAsync(Key, "b", Noon.AddSeconds(2), Lease, CancellationToken.None));
        var status = await store.StatusAsync(Noon.AddSeconds(2), Lease, CancellationToken.None);
        Assert.Equal((1, 0, 0), (status.Processed, status.Failed, status.InProgress));
        Assert.Equal(new NodeStatus(1, 0, Noon, Alive: true), status.ByNode["a"]);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task ReleaseAsync_LeaseTakenOverAfterExpiry_ReportsItLostAndCountsNothing(string provider)
    {
        await StartAsync(provider);
        await store.TryLeaseAsync(Key, "a", Noon, Lease, CancellationToken.None);
        await store.TryLeaseAsync(Key, "b", Noon.AddMinutes(1), Lease, CancellationToken.None);

        Assert.False(await store.ReleaseAsync(Key, "a", DocumentStatus.Converted, Noon.AddMinutes(1), CancellationToken.None));

        Assert.False(await store.TryLeaseAsync(Key, "c", Noon.AddMinutes(1), Lease, CancellationToken.None));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task StatusAsync_DocumentsInEveryState_CountsEachAndEveryNode(string provider)
    {
        await StartAsync(provider);
        await store.StartNodeAsync("a", Noon, CancellationToken.None);
        await store.StartNodeAsync("b", Noon, CancellationToken.None);
        await store.HeartbeatAsync("b", [], Noon.AddSeconds(10), Lease, CancellationToken.None);
        var keys = Enumerable.Range(0, 4).Select(i => new DocumentKey(new string((char)('a' + i), 64), "v1")).ToList();
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            await ledger.ClaimAsync(key, $"{i}.pdf", $"{i}", Noon, CancellationToken.None);
            await store.TryLeaseAsync(key, i % 2 == 0 ? "a" : "b", Noon, Lease, CancellationToken.None);
        }

        await Finish(keys[0], "a", DocumentStatus.Converted, warnings: 3);
        await Finish(keys[1], "b", DocumentStatus.Converted);
        await Finish(keys[2], "a", DocumentStatus.Failed);

        var status = await store.StatusAsync(Noon.AddSeconds(10), Lease, CancellationToken.None);

        Assert.Equal((2, 1, 1), (status.Processed, status.Failed, status.InProgress));
        Assert.Equal((3, 1), (status.Warnings, status.WithWarnings));
        Assert.Equal(["a", "b"], status.ByNode.Keys);
        Assert.Equal(new NodeStatus(1, 1, Noon, Alive: true), status.ByNode["a"]);
        Assert.Equal(new NodeStatus(1, 0, Noon.AddSeconds(10), Alive: true), status.ByNode["b"]);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task StatusAsync_StoppedSilentAndIdleNodes_CountsOnlyLiveOnesAndKeepsThoseThatWorked(string provider)
    {
        await StartAsync(provider);
        foreach (var node in new[] { "worked-then-stopped", "idle-then-stopped", "idle-and-silent", "running" })
        {
            await store.StartNodeAsync(node, Noon, CancellationToken.None);
        }

        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);
        await store.TryLeaseAsync(Key, "worked-then-stopped", Noon, Lease, CancellationToken.None);
        await Finish(Key, "worked-then-stopped", DocumentStatus.Converted);
        await store.StopNodeAsync("worked-then-stopped", Noon.AddSeconds(5), CancellationToken.None);
        await store.StopNodeAsync("idle-then-stopped", Noon.AddSeconds(5), CancellationToken.None);
        await store.HeartbeatAsync("running", [], Noon.AddSeconds(50), Lease, CancellationToken.None);

        var status = await store.StatusAsync(Noon.AddSeconds(60), Lease, CancellationToken.None);

        Assert.Equal(["running", "worked-then-stopped"], status.ByNode.Keys);
        Assert.Equal(1, status.NodesAlive);
        Assert.Equal(new NodeStatus(1, 0, Noon.AddSeconds(5), Alive: false), status.ByNode["worked-then-stopped"]);
        Assert.True(status.ByNode["running"].Alive);

        // The same node id started again is alive again.
        await store.StartNodeAsync("worked-then-stopped", Noon.AddSeconds(61), CancellationToken.None);
        Assert.True((await store.StatusAsync(Noon.AddSeconds(62), Lease, CancellationToken.None)).ByNode["worked-then-stopped"].Alive);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task StatusAsync_FailedAndDeferredDocuments_ListsThemWithCodeAndMessage(string provider)
    {
        await StartAsync(provider);
        var deferred = Key with { Sha256 = new string('b', 64) };
        await ledger.ClaimAsync(Key, "2023/bad.pdf", "2023/bad", Noon, CancellationToken.None);
        await ledger.CompleteAsync(Key, new LedgerCompletion(DocumentStatus.Failed, 0, 3, "corrupt", "no trailer found", "open", Noon.AddSeconds(1)), CancellationToken.None);
        await ledger.ClaimAsync(deferred, "full.pdf", "full", Noon, CancellationToken.None);
        await ledger.DeferAsync(deferred, "io-error", "No space left on device", "io", CancellationToken.None);

        var status = await store.StatusAsync(Noon.AddSeconds(2), Lease, CancellationToken.None);

        Assert.Equal(new DocumentProblem("2023/bad.pdf", "corrupt", "no trailer found", Noon.AddSeconds(1)), Assert.Single(status.FailedFiles));
        Assert.Equal(new DocumentProblem("full.pdf", "io-error", "No space left on device", Noon), Assert.Single(status.Retrying));
        Assert.Equal((0, 1, 1), (status.Processed, status.Failed, status.InProgress));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task StartNodeAsync_SameNodeAgain_FreesWhatItsEarlierProcessHeld(string provider)
    {
        await StartAsync(provider);
        await store.TryLeaseAsync(Key, "a", Noon, Lease, CancellationToken.None);

        await store.StartNodeAsync("a", Noon.AddSeconds(1), CancellationToken.None);

        Assert.True(await store.TryLeaseAsync(Key, "b", Noon.AddSeconds(2), Lease, CancellationToken.None));
    }

    [PostgresFact]
    public async Task StartNodeAsync_OtherNodeOnPostgres_LeavesItsLeasesAlone()
    {
        await StartAsync("postgres");
        await store.TryLeaseAsync(Key, "a", Noon, Lease, CancellationToken.None);

        await store.StartNodeAsync("b", Noon.AddSeconds(1), CancellationToken.None);

        Assert.False(await store.TryLeaseAsync(Key, "b", Noon.AddSeconds(2), Lease, CancellationToken.None));
    }

    [PostgresFact]
    public async Task MigrateAsync_Postgres_CreatesQuartzSchemaOnceAndAgainIsHarmless()
    {
        await StartAsync("postgres");

        await store.MigrateAsync(CancellationToken.None);

        await using var connection = new Npgsql.NpgsqlConnection(database!.ConnectionString);
        await connection.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_name IN ('qrtz_job_details', 'qrtz_triggers', 'qrtz_fired_triggers', 'qrtz_scheduler_state', 'qrtz_locks');",
            connection);
        Assert.Equal(5L, await query.ExecuteScalarAsync());
    }

    private async Task Finish(DocumentKey key, string node, DocumentStatus status, int warnings = 0)
    {
        await ledger.CompleteAsync(key, new LedgerCompletion(status, 1, 1, null, null, null, Noon, warnings), CancellationToken.None);
        await store.ReleaseAsync(key, node, status, Noon, CancellationToken.None);
    }

    private async Task StartAsync(string provider)
    {
        database = TestDatabase.Create(provider);
        var storeDatabase = StoreDatabase.Create(database.Options, TimeProvider.System);
        (ledger, store) = (new AdoLedger(storeDatabase), new AdoClusterStore(storeDatabase));
        await ledger.MigrateAsync(CancellationToken.None);
        await store.MigrateAsync(CancellationToken.None);
    }
}
