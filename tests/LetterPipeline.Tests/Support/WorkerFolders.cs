using Microsoft.Data.Sqlite;

namespace LetterPipeline.Tests.Support;

/// <summary>A temporary inbox/output/archive/failed layout and the <c>run --once</c> arguments that point at it.</summary>
internal sealed class WorkerFolders : IDisposable
{
    private readonly TempDir root = new();

    public WorkerFolders()
    {
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

    public string[] RunOnce(bool keepInputs = false, int documentTimeoutSeconds = 10, int parallelism = 2) =>
    [
        "run", "--once",
        $"--Pipeline:Inbox={Inbox}", $"--Pipeline:Output={Output}", $"--Pipeline:Archive={Archive}", $"--Pipeline:Failed={Failed}",
        $"--Pipeline:KeepInputs={keepInputs}", $"--Pipeline:DocumentTimeout=00:00:{documentTimeoutSeconds:00}",
        $"--Pipeline:Parallelism={parallelism}", "--Pipeline:SettleTime=00:00:00.2",
        $"--Storage:ConnectionString=Data Source={Ledger}",
    ];

    public static IReadOnlyList<string> Files(string dir, string pattern) =>
        Directory.GetFiles(dir, pattern, SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList()!;

    public long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Ledger};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => root.Dispose();
}
