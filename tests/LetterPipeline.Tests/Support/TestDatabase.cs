using System.Reflection;
using LetterPipeline.Storage;
using Npgsql;
using Xunit.Sdk;

namespace LetterPipeline.Tests.Support;

/// <summary>
/// A fresh, empty database of one provider, dropped on dispose: a SQLite file in a temporary folder, or a new
/// database on the PostgreSQL server named by LETTERPIPE_TEST_POSTGRES (.ci/services starts one).
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    public const string ServerVariable = "LETTERPIPE_TEST_POSTGRES";

    private readonly TempDir? folder;
    private readonly string? postgresName;

    private TestDatabase(string provider, string connectionString, TempDir? folder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
        this.postgresName = postgresName;
    }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? PostgresMissing => PostgresServer is null ? $"{ServerVariable} is not set (.ci/services starts PostgreSQL on 127.0.0.1)" : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string Provider { get; }

    public string ConnectionString { get; }

    public StorageOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    public static TestDatabase Create(string provider)
    {
        if (provider == StorageOptions.Sqlite)
        {
            var folder = new TempDir();
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder.Path, "sub", "ledger.db")}", folder, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException(PostgresMissing);
        var name = "letterpipe_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
            create.ExecuteNonQuery();
        }

        return new TestDatabase(provider, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, name);
    }

    public void Dispose()
    {
        folder?.Dispose();
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(PostgresServer);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE);", connection);
            drop.ExecuteNonQuery();
        }
    }
}

/// <summary>
/// Runs a theory once for the named storage provider. PostgreSQL rows are skipped, with the reason, where no server
/// is configured, except in CI (CI=true), where that must fail instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StorageProviderAttribute : DataAttribute
{
    private readonly string provider;

    public StorageProviderAttribute(string provider)
    {
        this.provider = provider;
        if (provider == StorageOptions.Postgres && TestDatabase.PostgresMissing is { } reason && !TestDatabase.IsCi)
        {
            Skip = reason + "; set CI=true to make this a failure";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[provider]];
}

/// <summary>A fact that needs PostgreSQL, skipped or failed as <see cref="StorageProviderAttribute"/> says.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresMissing is { } reason && !TestDatabase.IsCi)
        {
            Skip = reason + "; set CI=true to make this a failure";
        }
    }
}
