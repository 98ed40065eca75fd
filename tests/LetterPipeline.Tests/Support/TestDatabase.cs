using LetterPipeline.Storage;
using LetterPipeline.Tests.Tracking;

namespace LetterPipeline.Tests.Support;

/// <summary>
/// A fresh, empty database of one provider ("sqlite" or "postgres", as the theory rows of
/// <see cref="PostgresDataAttribute"/> name them), dropped on dispose: a SQLite file in a temporary folder, or a new
/// database on the <see cref="PostgresServer"/>.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly TempDir? folder;
    private readonly string? postgresConnectionString;

    private TestDatabase(string provider, string connectionString, TempDir? folder, string? postgresConnectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
        this.postgresConnectionString = postgresConnectionString;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => StorageOptions.IsPostgres(Options);

    public StorageOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    public static TestDatabase Create(string provider)
    {
        if (!string.Equals(provider, StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var folder = new TempDir();
            return new TestDatabase(StorageOptions.Sqlite, $"Data Source={Path.Combine(folder.Path, "sub", "ledger.db")}", folder, null);
        }

        var connectionString = PostgresServer.CreateDatabaseAsync().GetAwaiter().GetResult();
        return new TestDatabase(StorageOptions.Postgres, connectionString, null, connectionString);
    }

    public void Dispose()
    {
        folder?.Dispose();
        if (postgresConnectionString is not null)
        {
            PostgresServer.DropDatabaseAsync(postgresConnectionString).GetAwaiter().GetResult();
        }
    }
}
