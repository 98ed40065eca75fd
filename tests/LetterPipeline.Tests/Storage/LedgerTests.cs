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

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task ReopenAsync_ConvertedDocument_IsInProgressAgainInTheSameRowUnderTheNewFile(string provider)
    {
        await StartAsync(provider);
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);
        await ledger.CompleteAsync(Key, new LedgerCompletion(DocumentStatus.Converted, 2, 10, null, null, null, Noon.AddMinutes(1)), CancellationToken.None);

        var reopened = await ledger.ReopenAsync(Key, "copy.pdf", Noon.AddMinutes(2), CancellationToken.None);

        Assert.Equal((DocumentStatus.InProgress, "copy.pdf", "a", 2, Noon.AddMinutes(2), (DateTimeOffset?)null),
            (reopened.Status, reopened.File, reopened.OutputStem, reopened.Attempts, reopened.ClaimedAt, reopened.CompletedAt));
        Assert.Single(await ledger.ListAsync(DocumentStatus.InProgress, CancellationToken.None));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task DeferAsync_InProgressDocument_KeepsItInProgressWithTheReason(string provider)
    {
        await StartAsync(provider);
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        await ledger.DeferAsync(Key, "io-error", "No space left on device", "io", CancellationToken.None);

        var entry = await ledger.FindAsync(Key, CancellationToken.None);
        Assert.Equal((DocumentStatus.InProgress, "io-error", "No space left on device"), (entry!.Status, entry.Code, entry.Message));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task ForgetAsync_FailedDocumentWithCopies_LeavesNoTraceAndOthersAlone(string provider)
    {
        await StartAsync(provider);
        var other = Key with { Sha256 = new string('b', 64) };
        await ledger.ClaimAsync(Key, "bad.pdf", "bad", Noon, CancellationToken.None);
        await ledger.CompleteAsync(Key, new LedgerCompletion(DocumentStatus.Failed, 0, 3, "corrupt", "no trailer", "open", Noon), CancellationToken.None);
        await ledger.RecordDuplicateAsync(Key, "bad-copy.pdf", Noon, CancellationToken.None);
        await ledger.ClaimAsync(other, "good.pdf", "good", Noon, CancellationToken.None);
        Assert.Equal(["bad-copy.pdf"], await ledger.DuplicatesAsync(Key, CancellationToken.None));
        Assert.Equal(["bad.pdf"], (await ledger.ListAsync(DocumentStatus.Failed, CancellationToken.None)).Select(e => e.File));

        await ledger.ForgetAsync(Key, CancellationToken.None);

        Assert.Null(await ledger.FindAsync(Key, CancellationToken.None));
        Assert.Empty(await ledger.DuplicatesAsync(Key, CancellationToken.None));
        Assert.NotNull(await ledger.FindAsync(other, CancellationToken.None));
        var (_, created) = await ledger.ClaimAsync(Key, "bad.pdf", "bad", Noon.AddHours(1), CancellationToken.None);
        Assert.True(created);
    }

    private async Task StartAsync(string provider)
    {
        database = TestDatabase.Create(provider);
        ledger = Open();
        await ledger.MigrateAsync(CancellationToken.None);
    }

    private AdoLedger Open() => new(StoreDatabase.Create(database!.Options, TimeProvider.System));
}
