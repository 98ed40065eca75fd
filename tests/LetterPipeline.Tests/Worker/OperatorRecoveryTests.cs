using System.Globalization;
using System.Text.Json;
using LetterPipeline.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LetterPipeline.Tests.Worker;

/// <summary>
/// What an operator does after the first run, through the real program on SQLite: move or delete outputs, fix an
/// unwritable output folder, retry quarantined letters, rebuild outputs, and read <c>status</c>.
/// </summary>
public sealed class OperatorRecoveryTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    private readonly WorkerFolders folders = new();
    private readonly IReadOnlyList<string> letters = Corpus.Pdfs("letters").Take(2).Select(Path.GetFileName).ToList()!;

    public OperatorRecoveryTests()
    {
        foreach (var name in letters)
        {
            File.Copy(Corpus.File("letters", name), Path.Combine(folders.Inbox, name));
        }
    }

    public void Dispose() => folders.Dispose();

    [Fact]
    public async Task RunOnce_OutputFolderChangedThenOutputDeleted_WritesThemAgainInTheSameLedgerRows()
    {
        await RunOnceAsync(0, keepInputs: true);
        var moved = Path.Combine(folders.Root, "output-2");

        var changed = await RunOnceAsync(0, keepInputs: true, $"--Pipeline:Output={moved}");

        Assert.Contains("Pass done: 2 converted", changed, StringComparison.Ordinal);
        Assert.Equal(Outputs(letters), WorkerFolders.Files(moved, "*.*"));
        Assert.Equal(2, folders.Count("SELECT COUNT(*) FROM documents"));

        File.Delete(Path.Combine(moved, Path.ChangeExtension(letters[0], ".docx")));
        var deleted = await RunOnceAsync(0, keepInputs: true, $"--Pipeline:Output={moved}");

        Assert.Contains("Pass done: 1 converted, 0 quarantined, 0 duplicates, 1 unchanged", deleted, StringComparison.Ordinal);
        Assert.Equal(Outputs(letters), WorkerFolders.Files(moved, "*.*"));
        Assert.Equal(2, folders.Count("SELECT COUNT(*) FROM documents"));
        Assert.Equal(3, folders.Count($"SELECT attempts FROM documents WHERE file = '{letters[0]}'"));
    }

    [Fact]
    public async Task RunOnce_OutputFolderUnwritable_LeavesLettersInTheInboxAndConvertsThemOnceItIsFixed()
    {
        // A file where the output folder's parent should be: nothing can be created below it. (Permissions would
        // not do: the tests may run as root.)
        var blocker = Path.Combine(folders.Root, "blocked");
        File.WriteAllText(blocker, "");
        var output = Path.Combine(blocker, "output");
        var ledger = Path.Combine(folders.Root, "ledger.db");
        string[] elsewhere = [$"--Pipeline:Output={output}", $"--Storage:ConnectionString=Data Source={ledger}"];

        var blocked = await RunOnceAsync(2, keepInputs: false, elsewhere);

        Assert.Contains($"Starting: inbox={folders.Inbox} output={output} archive={folders.Archive} failed={folders.Failed} keepInputs=False formats=json,docx ledger=sqlite:{ledger} parallelism=2 schedule=once",
            blocked, StringComparison.Ordinal);
        Assert.Contains("0 quarantined", blocked, StringComparison.Ordinal);
        Assert.Contains("2 to retry later", blocked, StringComparison.Ordinal);
        Assert.Contains("not converted for a reason outside the letter", blocked, StringComparison.Ordinal);
        Assert.Equal(letters.Order(StringComparer.Ordinal), WorkerFolders.Files(folders.Inbox, "*.pdf"));
        Assert.Empty(WorkerFolders.Files(folders.Failed, "*"));
        Assert.Equal(2, Count(ledger, "SELECT COUNT(*) FROM documents WHERE status = 'in-progress' AND code = 'io-error'"));

        File.Delete(blocker);
        var fixedRun = await RunOnceAsync(0, keepInputs: false, elsewhere);

        Assert.Contains("Pass done: 2 converted, 0 quarantined", fixedRun, StringComparison.Ordinal);
        Assert.Empty(WorkerFolders.Files(folders.Inbox, "*"));
        Assert.Equal(letters.Order(StringComparer.Ordinal), WorkerFolders.Files(folders.Archive, "*.pdf"));
        Assert.Equal(Outputs(letters), WorkerFolders.Files(output, "*.*"));
        Assert.Equal(2, Count(ledger, "SELECT COUNT(*) FROM documents WHERE status = 'converted' AND code IS NULL"));
        Assert.Equal(2, Count(ledger, "SELECT COUNT(*) FROM documents"));
    }

    [Fact]
    public async Task Status_AfterTwoRunOnce_ShowsOneNodeNotAliveAndTheFailedFileWithItsCode()
    {
        File.Copy(Corpus.File("bad", "empty.pdf"), Path.Combine(folders.Inbox, "empty.pdf"));
        await RunOnceAsync(2, keepInputs: true);
        // The quarantined letter stays in the inbox with KeepInputs, settled: nothing is left undone.
        await RunOnceAsync(0, keepInputs: true);

        var (exit, json) = await WorkerProcess.RunAsync(folders.Root, Limit, ["status", "--format", "json", .. folders.Storage]);

        Assert.True(exit == 0, json);
        using var status = JsonDocument.Parse(json);
        Assert.Equal(0, status.RootElement.GetProperty("nodesAlive").GetInt32());
        var node = Assert.Single(status.RootElement.GetProperty("byNode").EnumerateObject());
        Assert.Equal((false, 2, 1), (node.Value.GetProperty("alive").GetBoolean(), node.Value.GetProperty("processed").GetInt32(), node.Value.GetProperty("failed").GetInt32()));
        var failed = Assert.Single(status.RootElement.GetProperty("failedFiles").EnumerateArray());
        Assert.Equal(("empty.pdf", "not-a-pdf"), (failed.GetProperty("file").GetString(), failed.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(failed.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Retry_QuarantinedLetter_GoesBackToTheInboxForgottenAndIsTakenAsNewByTheNextPass()
    {
        File.Copy(Corpus.File("bad", "empty.pdf"), Path.Combine(folders.Inbox, "empty.pdf"));
        await RunOnceAsync(2, keepInputs: false);
        Assert.Equal(["empty.error.json", "empty.pdf"], WorkerFolders.Files(folders.Failed, "*"));

        var (exit, output) = await RunAsync("retry", Path.Combine(folders.Failed, "empty.pdf"));

        Assert.True(exit == 0, output);
        Assert.Contains("empty.pdf: back in the inbox as empty.pdf (was not-a-pdf:", output, StringComparison.Ordinal);
        Assert.Equal(["empty.pdf"], WorkerFolders.Files(folders.Inbox, "*"));
        Assert.Empty(WorkerFolders.Files(folders.Failed, "*"));
        Assert.Equal(0, folders.Count("SELECT COUNT(*) FROM documents WHERE file = 'empty.pdf'"));

        // Still not a PDF: quarantined again, as a new document (attempt 1); --all-failed takes it back again.
        await RunOnceAsync(2, keepInputs: false);
        Assert.Equal(1, folders.Count("SELECT attempts FROM documents WHERE file = 'empty.pdf' AND status = 'failed'"));
        var (allExit, all) = await RunAsync("retry", "--all-failed");
        Assert.True(allExit == 0, all);
        Assert.Equal(["empty.pdf"], WorkerFolders.Files(folders.Inbox, "*"));

        var (unknownExit, unknown) = await RunAsync("retry", "never-seen.pdf");
        Assert.True(unknownExit == 1, unknown);
        Assert.Contains("never-seen.pdf: not a quarantined letter", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconvert_ArchivedLetters_RebuildsDeletedOutputsAndWritesToANewOutputFolderInTheSameRows()
    {
        await RunOnceAsync(0, keepInputs: false);
        Assert.Empty(WorkerFolders.Files(folders.Inbox, "*"));
        File.Delete(Path.Combine(folders.Output, Path.ChangeExtension(letters[0], ".json")));
        File.Delete(Path.Combine(folders.Output, Path.ChangeExtension(letters[0], ".docx")));

        var (exit, output) = await RunAsync("reconvert", letters[0]);

        Assert.True(exit == 0, output);
        Assert.Contains($"{letters[0]}: rebuilt", output, StringComparison.Ordinal);
        Assert.Contains("1 rebuilt, 0 not", output, StringComparison.Ordinal);
        Assert.Equal(Outputs(letters), WorkerFolders.Files(folders.Output, "*.*").Where(f => !f.StartsWith("ledger", StringComparison.Ordinal)));
        Assert.Equal(2, folders.Count($"SELECT attempts FROM documents WHERE file = '{letters[0]}' AND status = 'converted'"));

        var elsewhere = Path.Combine(folders.Root, "output-3");
        var (sinceExit, since) = await RunAsync("reconvert", "--since", "2020", $"--Pipeline:Output={elsewhere}");
        Assert.True(sinceExit == 0, since);
        Assert.Contains("2 rebuilt, 0 not", since, StringComparison.Ordinal);
        Assert.Equal(Outputs(letters), WorkerFolders.Files(elsewhere, "*.*"));
        Assert.Equal(2, folders.Count("SELECT COUNT(*) FROM documents"));

        var (futureExit, future) = await RunAsync("reconvert", "--since", "2999-01");
        Assert.True(futureExit == 0, future);
        Assert.Contains("0 rebuilt, 0 not", future, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Outputs(IEnumerable<string> inputs) =>
        [.. inputs.SelectMany(i => new[] { Path.ChangeExtension(i, ".docx"), Path.ChangeExtension(i, ".json") }).Order(StringComparer.Ordinal)];

    private static long Count(string ledger, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={ledger};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private async Task<string> RunOnceAsync(int expectedExit, bool keepInputs, params string[] overrides)
    {
        // A generous time limit: these tests are about what happens around conversions, not how fast they are.
        var (exit, output) = await WorkerProcess.RunAsync(folders.Root, Limit, [.. folders.RunOnce(keepInputs, documentTimeoutSeconds: 59), .. overrides]);
        Assert.True(exit == expectedExit, $"exit {exit}, expected {expectedExit}\n{output}");
        return output;
    }

    private Task<(int ExitCode, string Output)> RunAsync(string command, params string[] arguments) =>
        WorkerProcess.RunAsync(folders.Root, Limit,
        [
            command, .. arguments,
            $"--Pipeline:Inbox={folders.Inbox}", $"--Pipeline:Archive={folders.Archive}", $"--Pipeline:Failed={folders.Failed}",
            .. arguments.Any(a => a.StartsWith("--Pipeline:Output=", StringComparison.Ordinal)) ? Array.Empty<string>() : [$"--Pipeline:Output={folders.Output}"],
            .. folders.Storage,
        ]);
}
