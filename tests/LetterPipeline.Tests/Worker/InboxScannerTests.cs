using LetterPipeline.Tests.Support;
using LetterPipeline.Worker;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Tests.Worker;

public sealed class InboxScannerTests
{
    [Fact]
    public async Task ScanAsync_FileGrowingDuringScan_IsLeftForNextPass()
    {
        using var temp = new TempDir();
        var inbox = temp.Sub("inbox");
        File.Copy(Corpus.File("letters", "navo-2022-11.kst.serif.pdf"), Path.Combine(inbox, "done.pdf"));
        var growing = Path.Combine(inbox, "copying.pdf");
        await File.WriteAllBytesAsync(growing, new byte[1000]);
        File.WriteAllText(Path.Combine(inbox, "notes.txt"), "not a pdf");
        File.WriteAllText(Path.Combine(inbox, ".partial.pdf"), "upload in progress");
        var scanner = new InboxScanner(Options.Create(new PipelineOptions
        {
            Inbox = inbox,
            Output = Path.Combine(inbox, "out"),
            Archive = Path.Combine(temp.Path, "archive"),
            Failed = Path.Combine(temp.Path, "failed"),
            SettleTime = TimeSpan.FromSeconds(1),
        }), TimeProvider.System);
        Directory.CreateDirectory(Path.Combine(inbox, "out"));
        File.Copy(Corpus.File("letters", "navo-2022-11.kst.serif.pdf"), Path.Combine(inbox, "out", "own-output.pdf"));

        var scan = scanner.ScanAsync(CancellationToken.None);
        await Task.Delay(200);
        await File.AppendAllTextAsync(growing, "more bytes");
        var result = await scan;

        Assert.Equal(["done.pdf"], result.Ready.Select(f => f.Relative));
        Assert.Equal(["copying.pdf"], result.StillWriting.Select(f => f.Relative));
    }
}
