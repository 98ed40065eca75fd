using System.Diagnostics;
using LetterPipeline.Tests.Support;
using LetterPipeline.Tests.Tracking;

namespace LetterPipeline.Tests.Worker;

/// <summary><c>letterpipe run</c> on its Quartz schedule, as a separate process: in memory on SQLite, clustered on PostgreSQL.</summary>
public sealed class ScheduledRunTests
{
    [Theory, InlineData("sqlite"), PostgresData]
    public async Task Run_Scheduled_ConvertsNewArrivalsAndStopsCleanlyOnSigterm(string provider)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGTERM is a Unix signal; Windows stops services another way.
        }

        using var folders = new WorkerFolders(provider);
        var letters = Corpus.Pdfs("letters");
        File.Copy(letters[0], Path.Combine(folders.Inbox, "first.pdf"));
        string[] arguments = [.. folders.RunOnce().Where(a => a != "--once"), "--Schedule:Cron=0/2 * * * * ?"];
        using var worker = WorkerProcess.Start(folders.Root, arguments);

        // The start-up pass takes the first letter; a cron pass must take one that arrives later.
        await WaitFor(() => File.Exists(Path.Combine(folders.Archive, "first.pdf")), worker);
        File.Copy(letters[1], Path.Combine(folders.Inbox, "later.pdf"));
        await WaitFor(() => File.Exists(Path.Combine(folders.Archive, "later.pdf")), worker);
        using (var kill = Process.Start("kill", ["-TERM", worker.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var exit = await worker.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"exit {exit}\n{worker.Output}");
        Assert.Equal(["first.json", "later.json"], WorkerFolders.Files(folders.Output, "*.json"));
        Assert.Empty(Directory.GetFiles(folders.Output, ".*.tmp"));
    }

    private static async Task WaitFor(Func<bool> condition, WorkerProcess worker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!condition())
        {
            Assert.False(worker.HasExited, "worker exited early:\n" + worker.Output);
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting:\n" + worker.Output);
            await Task.Delay(100);
        }
    }
}
