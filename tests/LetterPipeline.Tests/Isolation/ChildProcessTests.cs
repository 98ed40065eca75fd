using LetterPipeline.Core;
using LetterPipeline.Core.Writing;
using LetterPipeline.Isolation;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Isolation;

public sealed class ChildProcessTests
{
    [Fact]
    public async Task ConvertAsync_InflateBombRefusedByGuard_ChildStaysAliveForTheNextDocument()
    {
        using var temp = new TempDir();
        using var child = await ChildProcess.StartAsync(memoryLimitMb: 1024);
        var timeout = TimeSpan.FromSeconds(60);

        var bomb = await child.ConvertAsync(Request(Corpus.File("bad", "inflate-bomb.pdf"), temp, "bomb"), timeout);
        var aliveAfterBomb = child.IsAlive;
        var letter = await child.ConvertAsync(Request(Corpus.File("letters", "navo-2022-11.brief.carlito.pdf"), temp, "navo"), timeout);

        Assert.Equal(FailureCode.TooLarge, bomb.Code);
        Assert.Equal("guard", bomb.Stage);
        Assert.True(aliveAfterBomb);
        Assert.True(letter.Succeeded, letter.Message);
    }

    private static ChildRequest Request(string input, TempDir temp, string stem) =>
        new(input, Path.Combine(temp.Path, stem), ["json"], 60_000, FileDurability.Immediate);
}
