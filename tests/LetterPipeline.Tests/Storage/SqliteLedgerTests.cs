using LetterPipeline.Storage;
using LetterPipeline.Tests.Support;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Tests.Storage;

public sealed class SqliteLedgerTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DocumentKey Key = new(new string('a', 64), "v1");

    private readonly TempDir temp = new();
    private readonly SqliteLedger ledger;

    public SqliteLedgerTests()
    {
        ledger = Open();
        ledger.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task MigrateAsync_SecondTime_KeepsRows()
    {
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        await Open().MigrateAsync(CancellationToken.None);

        Assert.NotNull(await ledger.FindAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_KeyAlreadyClaimed_ReturnsFirstClaimNotCreated()
    {
        var (first, created) = await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        var (second, createdAgain) = await ledger.ClaimAsync(Key, "copy.pdf", "copy", Noon, CancellationToken.None);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal("a.pdf", second.File);
        Assert.Equal(DocumentStatus.InProgress, first.Status);
        Assert.Equal(1, first.Attempts);
    }

    [Fact]
    public async Task CompleteAsync_Failed_IsFoundWithCodeAndResumeCountsAttempts()
    {
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

    [Fact]
    public async Task FindAsync_OtherPipelineVersion_FindsNothing()
    {
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        Assert.Null(await ledger.FindAsync(Key with { PipelineVersion = "v2" }, CancellationToken.None));
    }

    [Fact]
    public async Task RecordDuplicateAsync_SameFileTwice_RecordsOnce()
    {
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        Assert.True(await ledger.RecordDuplicateAsync(Key, "b.pdf", Noon, CancellationToken.None));
        Assert.False(await ledger.RecordDuplicateAsync(Key, "b.pdf", Noon, CancellationToken.None));
    }

    [Fact]
    public async Task IsOutputStemTakenAsync_StemOfOtherContent_IsTakenButNotForANewVersionOfTheSameContent()
    {
        await ledger.ClaimAsync(Key, "a.pdf", "a", Noon, CancellationToken.None);

        Assert.True(await ledger.IsOutputStemTakenAsync("a", Key with { Sha256 = new string('b', 64) }, CancellationToken.None));
        Assert.False(await ledger.IsOutputStemTakenAsync("a", Key, CancellationToken.None));
        Assert.False(await ledger.IsOutputStemTakenAsync("a", Key with { PipelineVersion = "v2" }, CancellationToken.None));
    }

    private SqliteLedger Open() =>
        new(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(temp.Path, "sub", "ledger.db")}" }), TimeProvider.System);
}
