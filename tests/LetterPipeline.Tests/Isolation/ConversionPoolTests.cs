using LetterPipeline.Core;
using LetterPipeline.Isolation;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Isolation;

// Not in parallel with other tests that start child processes from this test process: one test looks for its own child.
[Collection(nameof(ConversionPoolTests))]
public sealed class ConversionPoolTests
{
    private static ConversionPoolOptions Options(int memoryLimitMb = 1024) =>
        new(Size: 1, DocumentTimeout: TimeSpan.FromSeconds(60), memoryLimitMb, OutputFormats.Default);

    [Fact]
    public async Task ConvertAsync_Letter_WritesJsonInChildProcess()
    {
        using var temp = new TempDir();
        using var pool = new ConversionPool(Options());
        var input = Corpus.File("letters", "navo-2022-11.kst.serif.pdf");

        var outcome = await pool.ConvertAsync(input, Path.Combine(temp.Path, "navo"), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(input, outcome.Input);
        Assert.Equal([Path.Combine(temp.Path, "navo.json"), Path.Combine(temp.Path, "navo.docx")], outcome.Outputs);
        Assert.Contains("\"sha256\"", File.ReadAllText(Path.Combine(temp.Path, "navo.json")));
    }

    [Fact]
    public async Task ConvertAsync_DocumentOverTimeLimit_FailsWithTimeoutAndPoolContinues()
    {
        using var temp = new TempDir();
        using var pool = new ConversionPool(Options());

        // 65 pages cannot be parsed in 100 ms; the child is killed and replaced.
        var slow = await pool.ConvertAsync(Corpus.File("real", "dpia-coronamelder.pdf"), Path.Combine(temp.Path, "dpia"),
            CancellationToken.None, TimeSpan.FromMilliseconds(100));
        var next = await pool.ConvertAsync(Corpus.File("letters", "navo-2022-11.kst.serif.pdf"), Path.Combine(temp.Path, "navo"),
            CancellationToken.None);

        Assert.Equal(FailureCode.Timeout, slow.Code);
        Assert.False(File.Exists(Path.Combine(temp.Path, "dpia.json")));
        Assert.True(next.Succeeded, next.Message);
    }

    [Fact]
    public async Task ConvertAsync_DocumentOverMemoryLimit_FailsAsTooLargeAndPoolContinues()
    {
        using var temp = new TempDir();
        // 16 MB of heap cannot hold a 65-page document's layout.
        using var pool = new ConversionPool(Options(memoryLimitMb: 16));

        var big = await pool.ConvertAsync(Corpus.File("real", "dpia-coronamelder.pdf"), Path.Combine(temp.Path, "dpia"), CancellationToken.None);
        var next = await pool.ConvertAsync(Corpus.File("bad", "empty.pdf"), Path.Combine(temp.Path, "empty"), CancellationToken.None);

        Assert.Equal(FailureCode.TooLarge, big.Code);
        Assert.False(File.Exists(Path.Combine(temp.Path, "dpia.json")));
        Assert.Equal(FailureCode.NotAPdf, next.Code);
    }

    [Fact]
    public async Task ConvertAsync_ChildKilledMidDocument_FailsAsCrashedAndPoolContinues()
    {
        using var temp = new TempDir();
        using var pool = new ConversionPool(Options());
        await pool.ConvertAsync(Corpus.File("bad", "empty.pdf"), Path.Combine(temp.Path, "warm-up"), CancellationToken.None);
        // This pool's own child: other tests run their own pools and processes at the same time.
        var child = pool.ChildProcessIds.Single();

        // What a stack overflow or a native crash looks like from outside: the process is gone mid-document.
        var slow = pool.ConvertAsync(Corpus.File("real", "dpia-coronamelder.pdf"), Path.Combine(temp.Path, "dpia"), CancellationToken.None);
        await Task.Delay(100);
        System.Diagnostics.Process.GetProcessById(child).Kill();
        var died = await slow;
        var next = await pool.ConvertAsync(Corpus.File("letters", "navo-2022-11.kst.serif.pdf"), Path.Combine(temp.Path, "navo"), CancellationToken.None);

        Assert.Equal(FailureCode.Crashed, died.Code);
        Assert.Contains("died", died.Message);
        Assert.True(next.Succeeded, next.Message);
    }
}
