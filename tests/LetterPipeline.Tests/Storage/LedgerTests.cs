using LetterPipeline.Storage;
using LetterPipeline.Tests.Support;
using LetterPipeline.Tests.Tracking;

namespace LetterPipeline.Tests.Storage;

/// <summary>The ledger's contract, run against each provider: the same tests on SQLite and on PostgreSQL.</summary>
public sealed class LedgerTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DocumentKey Key = new(new string('a', 64), "v1");

    private TestDatabase? database;
    private ILedger ledger = null!;

    public void Dispose() => database?.Dispose();

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task MigrateAsync_SecondTime_KeepsRows(string provider)
    {
        await StartAsync(provider);
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        await Open().MigrateAsync(CancellationToken.None);

        Assert.NotNull(await ledger.FindAsync(Key, CancellationToken.None));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task ClaimAsync_KeyAlreadyClaimed_ReturnsFirstClaimNotCreated(string provider)
    {
        await StartAsync(provider);
        var (first, created) = await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        var (second, createdAgain) = await ledger.ClaimAsync(Key, "copy.pdf", "copy", Noon, CancellationToken.None);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal("a.pdf", second.File);
        Assert.Equal(DocumentStatus.InProgress, first.Status);
        Assert.Equal(1, first.Attempts);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task CompleteAsync_Failed_IsFoundWithCodeAndResumeCountsAttempts(string provider)
    {
        await StartAsync(provider);
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);
        await ledger.ResumeAsync(Key, Noon.AddMinutes(1), CancellationToken.None);

        await ledger.CompleteAsync(Key, new LedgerCompletion(DocumentStatus.Failed, 0, 12, "timeout", "too slow", "parse", Noon.AddMinutes(2)), CancellationToken.None);

        var entry = await ledger.FindAsync(Key, CancellationToken.None);
        Assert.NotNull(entry);
        Assert.Equal(DocumentStatus.Failed, entry.Status);
        Assert.Equal("timeout", entry.Code);
        Assert.Equal(2, entry.Attempts);
        Assert.Equal(Noon.AddMinutes(2), entry.CompletedAt);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task FindAsync_OtherPipelineVersion_FindsNothing(string provider)
    {
        await StartAsync(provider);
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        Assert.Null(await ledger.FindAsync(Key with { PipelineVersion = "v2" }, CancellationToken.None));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task RecordDuplicateAsync_SameFileTwice_RecordsOnce(string provider)
    {
        await StartAsync(provider);
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        Assert.True(await ledger.RecordDuplicateAsync(Key, "b.pdf", Noon, CancellationToken.None));
        Assert.False(await ledger.RecordDuplicateAsync(Key, "b.pdf", Noon, CancellationToken.None));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task IsOutputStemTakenAsync_StemOfOtherContent_IsTakenButNotForANewVersionOfTheSameContent(string provider)
    {
        await StartAsync(provider);
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        Assert.True(await ledger.IsOutputStemTakenAsync("a", Key with { Sha256 = new string('b', 64) }, CancellationToken.None));
        Assert.False(await ledger.IsOutputStemTakenAsync("a", Key, CancellationToken.None));
        Assert.False(await ledger.IsOutputStemTakenAsync("a", Key with { PipelineVersion = "v2" }, CancellationToken.None));
    }

    private async Task StartAsync(string provider)
    {
        database = TestDatabase.Create(provider);
        ledger = Open();
        await ledger.MigrateAsync(CancellationToken.None);
    }

    private AdoLedger Open() => new(StoreDatabase.Create(database!.Options, TimeProvider.System));
}
