using LetterPipeline.Tests.Support;
using LetterPipeline.Worker;

namespace LetterPipeline.Tests.Cluster;

public sealed class ClusterOptionsTests
{
    [Fact]
    public void Validate_Defaults_SucceedWithANodeIdPerProcess()
    {
        var options = new ClusterOptions();

        Assert.True(new ClusterOptionsValidator().Validate(null, options).Succeeded);
        Assert.EndsWith($"-{Environment.ProcessId}", options.NodeId, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LeaseShorterThanThreeSecondsAndEmptyNode_ReportsBoth()
    {
        var result = new ClusterOptionsValidator().Validate(null, new ClusterOptions { LeaseTime = TimeSpan.FromSeconds(1), NodeId = "" });

        Assert.True(result.Failed);
        Assert.Contains("LeaseTime", result.FailureMessage);
        Assert.Contains("NodeId", result.FailureMessage);
    }

    [Fact]
    public async Task Run_ClusterSettingOutOfRange_ExitsOneNamingIt()
    {
        using var folders = new WorkerFolders();

        var (exit, output) = await WorkerProcess.RunAsync(folders.Root, TimeSpan.FromMinutes(1), [.. folders.RunOnce(), "--Cluster:PollInterval=00:00:00.5"]);

        Assert.True(exit == 1, output);
        Assert.Contains("PollInterval", output);
    }
}
