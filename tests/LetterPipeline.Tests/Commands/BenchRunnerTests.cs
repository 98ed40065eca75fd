using LetterPipeline.Commands;
using LetterPipeline.Core;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Commands;

public sealed class BenchRunnerTests
{
    [Fact]
    public void Run_CorpusLettersOnTwoThreads_CountsEveryPageAndChargesEveryStage()
    {
        var letters = Corpus.Pdfs("letters");
        var expectedPages = Corpus.Pages(letters);

        var pass = new BenchRunner(OutputFormats.Default).Run([.. letters, Corpus.File("bad", "notapdf.pdf")], threads: 2);

        Assert.Equal(letters.Count + 1, pass.Documents);
        Assert.Equal(expectedPages, pass.Pages);
        Assert.Equal(1, pass.Failed);
        Assert.True(pass.AllocatedBytes > 0);
        Assert.All(Stage.All, stage => Assert.True(pass.Stages[stage].Elapsed > TimeSpan.Zero, $"no time charged to {stage}"));
        Assert.True(pass.Stages[Stage.Parse].AllocatedBytes > pass.Stages[Stage.Json].AllocatedBytes);
    }
}
