using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LetterPipeline.Tests.Support;

/// <summary>
/// A temporary inbox/output/archive/failed layout and the <c>run --once</c> arguments that point at it, with the
/// ledger in a SQLite file under output, or in a fresh PostgreSQL database ("postgres").
/// </summary>
internal sealed class WorkerFolders : IDisposable
{
    private readonly TempDir root = new();
    private readonly TestDatabase? postgres;

    public WorkerFolders(string provider = "sqlite")
    {
        postgres = provider == "postgres" ? TestDatabase.Create(provider) : null;
        Inbox = root.Sub("inbox");
        Output = root.Sub("output");
        Archive = root.Sub("archive");
        Failed = root.Sub("failed");
    }

    public string Root => root.Path;

    public string Inbox { get; }

    public string Output { get; }

    public string Archive { get; }

    public string Failed { get; }

    public string Ledger => Path.Combine(Output, "ledger.db");

    /// <summary>
    /// The storage settings. On PostgreSQL the node keeps one id across the test's processes, as a restarted
    /// worker does when Cluster:NodeId is set, so a pass after a kill frees what the killed one held.
    /// </summary>
    public string[] Storage => postgres is null
        ? [$"--Storage:ConnectionString=Data Source={Ledger}"]
        : ["--Storage:Provider=Postgres", $"--Storage:ConnectionString={postgres.ConnectionString}", "--Cluster:NodeId=test-node"];

    public string[] RunOnce(bool keepInputs = false, int documentTimeoutSeconds = 10, int parallelism = 2) =>
    [
        "run", "--once",
        $"--Pipeline:Inbox={Inbox}", $"--Pipeline:Output={Output}", $"--Pipeline:Archive={Archive}", $"--Pipeline:Failed={Failed}",
        $"--Pipeline:KeepInputs={keepInputs}", $"--Pipeline:DocumentTimeout=00:00:{documentTimeoutSeconds:00}",
        $"--Pipeline:Parallelism={parallelism}", "--Pipeline:SettleTime=00:00:00.2",
        // Broken test inputs (truncated, not a PDF) are quarantined at once, not held back as copies still arriving.
        "--Pipeline:IncompleteGrace=00:00:00",
        .. Storage,
    ];

    public static IReadOnlyList<string> Files(string dir, string pattern) =>
        Directory.GetFiles(dir, pattern, SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList()!;

    public long Count(string sql)
    {
        if (postgres is not null)
        {
            using var pg = new NpgsqlConnection(postgres.ConnectionString);
            pg.Open();
            using var query = new NpgsqlCommand(sql, pg);
            return Convert.ToInt64(query.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        using var connection = new SqliteConnection($"Data Source={Ledger};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        root.Dispose();
        postgres?.Dispose();
    }
}
