using LetterPipeline.Commands;
using LetterPipeline.Core;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Commands;

public sealed class BenchRunnerTests
{
    [Fact]
    public void Run_CorpusLettersOnTwoThreads_CountsEveryPageAndChargesEveryTextStage()
    {
        var letters = Corpus.Pdfs("letters");
        var expectedPages = Corpus.Pages(letters);

        var pass = new BenchRunner(OutputFormats.Default).Run([.. letters, Corpus.File("bad", "notapdf.pdf")], threads: 2);

        Assert.Equal(letters.Count + 1, pass.Documents);
        Assert.Equal(expectedPages, pass.Pages);
        Assert.Equal(1, pass.Failed);
        Assert.True(pass.AllocatedBytes > 0);
        Assert.All(Stage.All.Where(s => s != Stage.Ocr), stage => Assert.True(pass.Stages[stage].Elapsed > TimeSpan.Zero, $"no time charged to {stage}"));
        // Text PDFs never touch OCR.
        Assert.Equal(TimeSpan.Zero, pass.Stages[Stage.Ocr].Elapsed);
        Assert.Equal(0, pass.OcrPages);
        Assert.True(pass.Stages[Stage.Parse].AllocatedBytes > pass.Stages[Stage.Json].AllocatedBytes);
    }
}
