using LetterPipeline.Commands;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Commands;

public sealed class IsolationBenchTests
{
    [Fact]
    public async Task InProcessAndChildProcesses_ConvertTheSameBatchAndCleanUp()
    {
        var letters = Corpus.Pdfs("letters");
        string[] files = [.. letters, Corpus.File("bad", "notapdf.pdf")];
        var scratchBefore = ScratchFolders();

        IsolationPass inProcess, children;
        using (var bench = new IsolationBench(OutputFormats.Default, threads: 2))
        {
            Assert.Single(ScratchFolders().Except(scratchBefore));
            inProcess = bench.InProcess(files);
            children = await bench.ChildProcessesAsync(files);
        }

        Assert.Equal(1, inProcess.Failed);
        Assert.Equal(1, children.Failed);
        var expectedPages = Corpus.Pages(letters);
        Assert.Equal(expectedPages, inProcess.Pages);
        Assert.Equal(expectedPages, children.Pages);
        Assert.Empty(ScratchFolders().Except(scratchBefore));
    }

    private static string[] ScratchFolders() => Directory.GetDirectories(Path.GetTempPath(), "letterpipe-bench-*");
}
