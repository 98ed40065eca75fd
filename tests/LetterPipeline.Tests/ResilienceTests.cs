using LetterPipeline.Core;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace LetterPipeline.Tests;

public sealed class ResilienceTests
{
    private static ResiliencePipeline Io() =>
        new ServiceCollection().AddLetterResilience().BuildServiceProvider().GetRequiredKeyedService<ResiliencePipeline>(Resilience.Io);

    [Fact]
    public void Io_FileLockedTwice_SucceedsOnThirdAttempt()
    {
        var attempts = 0;

        var result = Io().Execute(() => ++attempts < 3 ? throw new IOException("The file is locked.") : "read");

        Assert.Equal("read", result);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public void Io_ParseErrorOrMissingFile_IsNotRetried()
    {
        var attempts = 0;
        var io = Io();

        Assert.Throws<LetterFormatException>(() => io.Execute(() => { attempts++; throw new LetterFormatException(FailureCode.Corrupt, "bad xref"); }));
        Assert.Throws<FileNotFoundException>(() => io.Execute(() => { attempts++; throw new FileNotFoundException("gone"); }));

        Assert.Equal(2, attempts);
    }
}
