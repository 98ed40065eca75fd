using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LetterPipeline.Tests.Support;
using LetterPipeline.Tests.Tracking;
using Npgsql;

namespace LetterPipeline.Tests.Cluster;

/// <summary>
/// The docker-compose topology as processes: three <c>letterpipe run</c> nodes on one PostgreSQL database and one
/// inbox, one of them killed with SIGKILL while it holds a document.
/// </summary>
public sealed partial class ClusterRunTests
{
    private const int LetterCount = 150;
    private const string Victim = "node-victim";
    private static readonly string[] Survivors = ["node-1", "node-2"];
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [PostgresFact]
    public async Task Run_ThreeNodesOneKilledMidDocument_EveryLetterConvertedExactlyOnceAndSurvivorsStopCleanly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGKILL and SIGTERM are Unix signals.
        }

        using var database = TestDatabase.Create("postgres");
        using var folders = new WorkerFolders();
        var expected = WriteDistinctLetters(folders.Inbox);
        // The schema first, once, as the README says to: 'status' applies every migration, Quartz's schema included.
        var (statusExit, statusOutput) = await WorkerProcess.RunAsync(folders.Root, Limit, ["status", .. Storage(database)]);
        Assert.True(statusExit == 0, statusOutput);

        var nodes = new Dictionary<string, WorkerProcess>(StringComparer.Ordinal);
        try
        {
            foreach (var node in Survivors.Append(Victim))
            {
                nodes[node] = WorkerProcess.Start(folders.Root, Arguments(folders, database, node));
            }

            // Kill the victim while it holds a document's lease, once it has finished a few. It is frozen (SIGSTOP)
            // while its leases are read, so what it held is what it dies holding; between documents it is let go on.
            await WaitFor(() => Count(database, "SELECT COUNT(*) FROM document_claims WHERE finished_by = @v;") >= 3, nodes);
            List<string> heldAtDeath;
            var deadline = DateTime.UtcNow + Limit;
            while (true)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{Victim} never held a lease:\n{nodes[Victim].Output}");
                await Signal("STOP", nodes[Victim]);
                heldAtDeath = Strings(database, "SELECT sha256 FROM document_claims WHERE node = @v AND lease_until IS NOT NULL;");
                if (heldAtDeath.Count > 0)
                {
                    break;
                }

                await Signal("CONT", nodes[Victim]);
                await Task.Delay(20);
            }

            nodes[Victim].Kill();
            await nodes[Victim].WaitAsync(TimeSpan.FromSeconds(30));
            var victimFinished = Count(database, "SELECT COUNT(*) FROM document_claims WHERE finished_by = @v;");

            await WaitFor(() => Count(database, "SELECT COUNT(*) FROM documents WHERE status = 'converted';") == LetterCount
                && Directory.GetFiles(folders.Inbox, "*", SearchOption.AllDirectories).Length == 0, nodes.Where(n => n.Key != Victim).ToDictionary());

            foreach (var node in Survivors)
            {
                await Signal("TERM", nodes[node]);
            }

            foreach (var node in Survivors)
            {
                var exit = await nodes[node].WaitAsync(TimeSpan.FromSeconds(60));
                Assert.True(exit == 0, $"{node} exited {exit} on SIGTERM:\n{nodes[node].Output}");
            }

            // Every letter converted, once, and recorded once.
            Assert.Equal(expected.Values.Order(StringComparer.Ordinal), Strings(database, "SELECT sha256 FROM documents WHERE status = 'converted' ORDER BY sha256 COLLATE \"C\";"));
            Assert.Equal(LetterCount, Count(database, "SELECT COUNT(*) FROM documents;"));
            Assert.Equal(0, Count(database, "SELECT COUNT(*) FROM duplicates;"));
            Assert.Equal(LetterCount, Count(database, "SELECT COUNT(*) FROM letters;")); // the reference store, in the same database
            // No letter was converted twice. A letter missing from the logs was one the victim held when it died:
            // it was killed after recording the conversion and before writing its log line.
            var conversions = nodes.SelectMany(n => ConvertedLine().Matches(n.Value.Output).Select(m => m.Groups["file"].Value)).ToList();
            Assert.Equal(conversions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), conversions.Order(StringComparer.Ordinal));
            Assert.All(expected.Keys.Except(conversions, StringComparer.Ordinal), unlogged => Assert.Contains(expected[unlogged], heldAtDeath));

            // Nothing quarantined, nothing left in the inbox, every input archived beside its JSON.
            Assert.Empty(Directory.GetFiles(folders.Failed, "*", SearchOption.AllDirectories));
            Assert.Empty(Directory.GetFiles(folders.Inbox, "*", SearchOption.AllDirectories));
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), WorkerFolders.Files(folders.Archive, "*.pdf"));
            Assert.Equal(LetterCount, WorkerFolders.Files(folders.Output, "*.json").Count);
            Assert.Empty(Directory.GetFiles(folders.Output, ".*", SearchOption.AllDirectories));

            // The documents the victim held when it died were finished by the others.
            foreach (var sha in heldAtDeath)
            {
                Assert.Contains(expected.Values, v => v == sha);
                Assert.Contains(Strings(database, $"SELECT finished_by FROM document_claims WHERE sha256 = '{sha}';").Single(), Survivors);
            }

            // Every node did work, and 'status' says so.
            var (exit2, json) = await WorkerProcess.RunAsync(folders.Root, Limit, ["status", "--format", "json", .. Storage(database)]);
            Assert.True(exit2 == 0, json);
            using var status = JsonDocument.Parse(json);
            Assert.Equal(LetterCount, status.RootElement.GetProperty("processed").GetInt32());
            Assert.Equal(0, status.RootElement.GetProperty("failed").GetInt32());
            Assert.Equal(0, status.RootElement.GetProperty("inProgress").GetInt32());
            var byNode = status.RootElement.GetProperty("byNode");
            Assert.Equal(victimFinished, byNode.GetProperty(Victim).GetProperty("processed").GetInt32());
            Assert.All(Survivors, node => Assert.True(byNode.GetProperty(node).GetProperty("processed").GetInt32() > 0, $"{node} did no work\n{json}"));
            Assert.Equal(LetterCount, byNode.EnumerateObject().Sum(n => n.Value.GetProperty("processed").GetInt32()));
        }
        finally
        {
            foreach (var node in nodes.Values)
            {
                node.Dispose();
            }
        }
    }

    /// <summary>One small corpus letter, made <see cref="LetterCount"/> distinct documents by a trailing PDF comment; name → SHA-256.</summary>
    private static Dictionary<string, string> WriteDistinctLetters(string inbox)
    {
        var source = File.ReadAllBytes(Corpus.File("letters", "rbz-2022-12.kst.sans.pdf"));
        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i <= LetterCount; i++)
        {
            var name = $"letter-{i:000}.pdf";
            var bytes = source.Concat(Encoding.ASCII.GetBytes($"\n%letter {i}\n")).ToArray();
            File.WriteAllBytes(Path.Combine(inbox, name), bytes);
            letters[name] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }

        Assert.Equal(LetterCount, letters.Values.Distinct().Count());
        return letters;
    }

    private static string[] Storage(TestDatabase database) => ["--Storage:Provider=Postgres", $"--Storage:ConnectionString={database.ConnectionString}"];

    // Short intervals keep the test quick: a scan every 2 s, an idle node polls every second, a dead node's leases lapse after 3 s.
    private static string[] Arguments(WorkerFolders folders, TestDatabase database, string node) =>
    [
        "run",
        $"--Pipeline:Inbox={folders.Inbox}", $"--Pipeline:Output={folders.Output}", $"--Pipeline:Archive={folders.Archive}", $"--Pipeline:Failed={folders.Failed}",
        "--Pipeline:KeepInputs=false", "--Pipeline:Formats=json", "--Pipeline:Parallelism=2", "--Pipeline:SettleTime=00:00:00.2",
        "--Pipeline:DocumentTimeout=00:00:30",
        .. Storage(database),
        "--Schedule:Cron=0/2 * * * * ?", "--Cluster:LeaseTime=00:00:03", "--Cluster:PollInterval=00:00:01", $"--Cluster:NodeId={node}",
    ];

    private static async Task WaitFor(Func<bool> condition, IReadOnlyDictionary<string, WorkerProcess> nodes)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            foreach (var (node, process) in nodes)
            {
                Assert.False(process.HasExited, $"{node} exited early:\n{process.Output}");
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out:\n" + string.Join("\n", nodes.Select(n => $"--- {n.Key}\n{n.Value.Output}")));
            await Task.Delay(50);
        }
    }

    private static async Task Signal(string signal, WorkerProcess process)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private static long Count(TestDatabase database, string sql) => Convert.ToInt64(Query(database, sql).Single(), CultureInfo.InvariantCulture);

    private static List<string> Strings(TestDatabase database, string sql) => [.. Query(database, sql).Select(v => (string)v)];

    private static List<object> Query(TestDatabase database, string sql)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("v", Victim);
        using var reader = command.ExecuteReader();
        var values = new List<object>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }

    [GeneratedRegex(@"(?<file>\S+\.pdf) converted sha=")]
    private static partial Regex ConvertedLine();
}
