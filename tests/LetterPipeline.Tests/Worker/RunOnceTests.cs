using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LetterPipeline.Core;
using LetterPipeline.Tests.Support;
using LetterPipeline.Tests.Tracking;

namespace LetterPipeline.Tests.Worker;

/// <summary>The real host, <c>letterpipe run --once</c>, as a separate process on a temporary inbox; the ledger on SQLite and on PostgreSQL.</summary>
public sealed class RunOnceTests
{
    // Hang.pdf and friends may each use a whole DocumentTimeout (10 s here); the pass must still end well within this.
    private static readonly TimeSpan PassLimit = TimeSpan.FromMinutes(3);

    private static readonly HashSet<string> KnownCodes = Enum.GetValues<FailureCode>().Select(c => c.ToCode()).ToHashSet();

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task RunOnce_LettersBadAndHostile_ConvertsLettersAndQuarantinesTheRestWithSpecificCodes(string provider)
    {
        using var folders = new WorkerFolders(provider);
        var inputs = Corpus.Pdfs("letters").Concat(Corpus.Pdfs("bad")).Concat(Corpus.Pdfs("hostile")).ToList();
        foreach (var pdf in inputs)
        {
            File.Copy(pdf, Path.Combine(folders.Inbox, Path.GetFileName(pdf)));
        }

        var (exit, output) = await WorkerProcess.RunAsync(folders.Root, PassLimit, folders.RunOnce());

        Assert.True(exit == 2, $"exit {exit}\n{output}");
        Assert.Empty(Directory.GetFiles(folders.Inbox, "*", SearchOption.AllDirectories));
        var mustConvert = Corpus.Pdfs("letters").Select(Path.GetFileName)
            .Append("owner-locked.pdf").Append("0012156_encrypted-empty-user-pw.pdf");
        foreach (var name in mustConvert)
        {
            Assert.True(File.Exists(Path.Combine(folders.Archive, name!)), $"{name} not archived\n{output}");
            Assert.True(File.Exists(Path.Combine(folders.Output, Path.ChangeExtension(name!, ".json"))), $"{name} has no JSON");
            Assert.True(File.Exists(Path.Combine(folders.Output, Path.ChangeExtension(name!, ".docx"))), $"{name} has no DOCX");
        }

        foreach (var name in inputs.Select(Path.GetFileName))
        {
            var archived = File.Exists(Path.Combine(folders.Archive, name!));
            var failed = File.Exists(Path.Combine(folders.Failed, name!));
            Assert.True(archived ^ failed, $"{name}: expected in exactly one of archive and failed");
            if (failed)
            {
                var error = Path.Combine(folders.Failed, Path.ChangeExtension(name!, ".error.json"));
                using var json = JsonDocument.Parse(File.ReadAllText(error));
                Assert.Contains(json.RootElement.GetProperty("code").GetString() ?? "", KnownCodes);
                Assert.Equal(1, json.RootElement.GetProperty("attempts").GetInt32());
                Assert.False(File.Exists(Path.Combine(folders.Output, Path.ChangeExtension(name!, ".json"))), $"{name} failed but has output");
            }
        }

        Assert.Equal("not-a-pdf", ErrorCode(folders, "empty"));
        Assert.Equal("encrypted", ErrorCode(folders, "encrypted"));
        Assert.Equal(inputs.Count, folders.Count("SELECT COUNT(*) FROM documents WHERE status IN ('converted', 'failed')"));
        Assert.Contains("Pass done:", output);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task RunOnce_KilledMidPass_NextPassFinishesWithNothingLostOrDuplicated(string provider)
    {
        using var folders = new WorkerFolders(provider);
        // 32 distinct documents: each letter four times, made unique by a trailing PDF comment.
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (pdf, copy) in Corpus.Pdfs("letters").SelectMany(p => Enumerable.Range(1, 4).Select(i => (p, i))))
        {
            var name = $"{Path.GetFileNameWithoutExtension(pdf)}-{copy}.pdf";
            var bytes = File.ReadAllBytes(pdf).Concat(Encoding.ASCII.GetBytes($"\n%copy {copy}\n")).ToArray();
            File.WriteAllBytes(Path.Combine(folders.Inbox, name), bytes);
            expected[name] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }

        using (var first = WorkerProcess.Start(folders.Root, folders.RunOnce(parallelism: 2)))
        {
            var deadline = DateTime.UtcNow + PassLimit;
            while (WorkerFolders.Files(folders.Output, "*.json").Count < 3 && !first.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.False(first.HasExited, "the first pass ended before it could be killed:\n" + first.Output);
            first.Kill();
            await first.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.NotEmpty(WorkerFolders.Files(folders.Inbox, "*.pdf"));
        var (exit, output) = await WorkerProcess.RunAsync(folders.Root, PassLimit, folders.RunOnce(parallelism: 2));

        Assert.True(exit == 0, $"exit {exit}\n{output}");
        Assert.Empty(WorkerFolders.Files(folders.Inbox, "*"));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), WorkerFolders.Files(folders.Archive, "*.pdf"));
        foreach (var (name, sha) in expected)
        {
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folders.Archive, name)))));
        }

        var outputs = WorkerFolders.Files(folders.Output, "*.json");
        Assert.Equal(expected.Keys.Select(n => Path.ChangeExtension(n, ".json")).Order(StringComparer.Ordinal), outputs);
        foreach (var json in outputs)
        {
            using var parsed = JsonDocument.Parse(File.ReadAllText(Path.Combine(folders.Output, json)));
            Assert.Contains(parsed.RootElement.GetProperty("source").GetProperty("sha256").GetString(), expected.Values);
        }

        Assert.Equal(expected.Count, folders.Count("SELECT COUNT(*) FROM documents WHERE status = 'converted'"));
        Assert.Equal(expected.Count, folders.Count("SELECT COUNT(*) FROM documents"));
        Assert.Equal(0, folders.Count("SELECT COUNT(*) FROM duplicates"));
        Assert.Empty(WorkerFolders.Files(folders.Failed, "*"));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task RunOnce_SecondPassAndRenamedCopy_ConvertsNothingAndRecordsDuplicate(string provider)
    {
        using var folders = new WorkerFolders(provider);
        var letters = Corpus.Pdfs("letters").Take(3).ToList();
        foreach (var pdf in letters)
        {
            File.Copy(pdf, Path.Combine(folders.Inbox, Path.GetFileName(pdf)));
        }

        var first = await WorkerProcess.RunAsync(folders.Root, PassLimit, folders.RunOnce(keepInputs: true));
        Assert.True(first.ExitCode == 0, first.Output);
        var written = WorkerFolders.Files(folders.Output, "*.json").ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(folders.Output, f)));
        Assert.Equal(3, written.Count);

        var second = await WorkerProcess.RunAsync(folders.Root, PassLimit, folders.RunOnce(keepInputs: true));

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("Pass done: 0 converted, 0 quarantined, 0 duplicates, 3 unchanged", second.Output);
        Assert.Equal(written, WorkerFolders.Files(folders.Output, "*.json").ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(folders.Output, f))));

        File.Copy(letters[0], Path.Combine(folders.Inbox, "renamed.pdf"));
        var third = await WorkerProcess.RunAsync(folders.Root, PassLimit, folders.RunOnce(keepInputs: true));

        Assert.True(third.ExitCode == 0, third.Output);
        Assert.Contains("Pass done: 0 converted, 0 quarantined, 1 duplicates, 3 unchanged", third.Output);
        Assert.False(File.Exists(Path.Combine(folders.Output, "renamed.json")));
        Assert.Equal(3, folders.Count("SELECT COUNT(*) FROM documents"));
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(letters[0])));
        Assert.Equal(1, folders.Count($"SELECT COUNT(*) FROM duplicates WHERE file = 'renamed.pdf' AND sha256 = '{sha}'"));
        Assert.Equal(4, WorkerFolders.Files(folders.Inbox, "*.pdf").Count);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task RunOnce_Sigterm_FinishesInFlightDocumentsAndLeavesTheRestInTheInbox(string provider)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGTERM is a Unix signal.
        }

        using var folders = new WorkerFolders(provider);
        // Twelve distinct 65-page documents: about a second each, so the pass is surely still running at SIGTERM.
        var names = Enumerable.Range(1, 12).Select(i => $"dpia-{i:00}.pdf").ToList();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var bytes = File.ReadAllBytes(Corpus.File("real", "dpia-coronamelder.pdf")).Concat(Encoding.ASCII.GetBytes($"\n%copy {i}\n")).ToArray();
            File.WriteAllBytes(Path.Combine(folders.Inbox, name), bytes);
        }

        using var worker = WorkerProcess.Start(folders.Root, folders.RunOnce(parallelism: 1, documentTimeoutSeconds: 30));
        var deadline = DateTime.UtcNow + PassLimit;
        while (WorkerFolders.Files(folders.Output, "*.json").Count < 1 && !worker.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", worker.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        var exit = await worker.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 130, $"exit {exit}\n{worker.Output}");
        var archived = WorkerFolders.Files(folders.Archive, "*.pdf");
        var waiting = WorkerFolders.Files(folders.Inbox, "*.pdf");
        Assert.NotEmpty(archived);
        Assert.NotEmpty(waiting);
        Assert.Equal(names, archived.Concat(waiting).Order(StringComparer.Ordinal));
        Assert.Equal(archived.Select(n => Path.ChangeExtension(n, ".json")), WorkerFolders.Files(folders.Output, "*.json"));
        Assert.Equal(archived.Count, folders.Count("SELECT COUNT(*) FROM documents WHERE status = 'converted'"));
        Assert.Equal(0, folders.Count("SELECT COUNT(*) FROM documents WHERE status = 'in-progress'"));
    }

    [Theory]
    [InlineData("--Pipeline:Parallelism=0", "Parallelism")]
    [InlineData("--Schedule:Cron=every minute", "Schedule:Cron")]
    [InlineData("--Pipeline:DocumentTimeout=soon", "Pipeline:DocumentTimeout")]
    [InlineData("--Storage:Provider=Oracle", "Storage:Provider")]
    public async Task RunOnce_InvalidSetting_ExitsWithConfigurationErrorNamingIt(string setting, string named)
    {
        using var folders = new WorkerFolders();

        var (exit, output) = await WorkerProcess.RunAsync(folders.Root, PassLimit, [.. folders.RunOnce(), setting]);

        Assert.True(exit == 1, $"exit {exit}\n{output}");
        Assert.Contains("configuration error", output);
        Assert.Contains(named, output);
    }

    private static string? ErrorCode(WorkerFolders folders, string stem)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folders.Failed, stem + ".error.json")));
        return json.RootElement.GetProperty("code").GetString();
    }
}
