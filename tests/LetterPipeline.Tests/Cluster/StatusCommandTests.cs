using System.Text.Json;
using LetterPipeline.Commands;
using LetterPipeline.Storage;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Cluster;

public sealed class StatusCommandTests
{
    private static readonly ClusterStatus Status = new(5, 1, 2, new Dictionary<string, NodeStatus>
    {
        ["worker-1"] = new(3, 1, new DateTimeOffset(2026, 3, 1, 12, 0, 5, TimeSpan.Zero)),
        ["worker-2"] = new(2, 0, new DateTimeOffset(2026, 3, 1, 13, 0, 5, TimeSpan.FromHours(1)), Alive: true),
    }, Warnings: 7, WithWarnings: 2)
    {
        FailedFiles = [new DocumentProblem("brief.pdf", "corrupt", "no trailer found", new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero))],
    };

    [Fact]
    public void Json_Status_HasTheDocumentedShapeWithUtcTimes()
    {
        using var json = JsonDocument.Parse(StatusCommand.Json(Status));

        Assert.Equal(["processed", "failed", "inProgress", "nodesAlive", "warnings", "withWarnings", "byNode", "failedFiles", "retrying"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, json.RootElement.GetProperty("nodesAlive").GetInt32());
        Assert.False(json.RootElement.GetProperty("byNode").GetProperty("worker-1").GetProperty("alive").GetBoolean());
        var failed = Assert.Single(json.RootElement.GetProperty("failedFiles").EnumerateArray());
        Assert.Equal(("brief.pdf", "corrupt", "no trailer found"), (failed.GetProperty("file").GetString(), failed.GetProperty("code").GetString(), failed.GetProperty("message").GetString()));
        Assert.Equal(5, json.RootElement.GetProperty("processed").GetInt32());
        Assert.Equal((7, 2), (json.RootElement.GetProperty("warnings").GetInt32(), json.RootElement.GetProperty("withWarnings").GetInt32()));
        Assert.Equal(2, json.RootElement.GetProperty("inProgress").GetInt32());
        var node = json.RootElement.GetProperty("byNode").GetProperty("worker-2");
        Assert.Equal(2, node.GetProperty("processed").GetInt32());
        Assert.Equal("2026-03-01T12:00:05Z", node.GetProperty("lastSeen").GetString());
    }

    [Fact]
    public void Write_Table_ShowsTotalsAndARowPerNode()
    {
        using var output = new StringWriter();

        StatusCommand.Write(output, Status, json: false);

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal("5 processed, 1 failed, 2 in progress (0 waiting to be retried); 1 node alive", lines[0]);
        Assert.Equal("7 warnings in 2 converted letters", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("worker-1", StringComparison.Ordinal) && l.Contains("gone", StringComparison.Ordinal) && l.Contains("2026-03-01T12:00:05Z", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("worker-2", StringComparison.Ordinal) && l.Contains("alive", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("brief.pdf", StringComparison.Ordinal) && l.Contains("corrupt", StringComparison.Ordinal) && l.Contains("no trailer found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_NoLedgerAtTheConfiguredPath_ExitsOneWithoutCreatingIt()
    {
        using var temp = new TempDir();
        var ledger = Path.Combine(temp.Path, "missing", "ledger.db");

        var (exit, output) = await WorkerProcess.RunAsync(temp.Path, TimeSpan.FromMinutes(1), "status", $"--Storage:ConnectionString=Data Source={ledger}");

        Assert.True(exit == 1, output);
        Assert.Contains("no ledger", output);
        Assert.False(File.Exists(ledger));
    }
}
