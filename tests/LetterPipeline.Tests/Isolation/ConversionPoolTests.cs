using LetterPipeline.Core;
using LetterPipeline.Isolation;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Isolation;

public sealed class ConversionPoolTests
{
    private static ConversionPoolOptions Options() =>
        new(Size: 1, DocumentTimeout: TimeSpan.FromSeconds(60), MemoryLimitMb: 1024, OutputFormats.Default);

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
}
