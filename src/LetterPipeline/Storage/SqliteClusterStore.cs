using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Storage;

/// <summary>
/// Leases and heartbeats in the ledger's SQLite file. A SQLite ledger serves one worker at a time, so leases only
/// keep that worker's own passes apart; times are ISO 8601 UTC text, so text order is time order.
/// </summary>
internal sealed class SqliteClusterStore : AdoClusterStore
{
    private readonly Lazy<string> connectionString;
    private readonly TimeProvider clock;

    // Options are read on first use, after the host has validated them.
    public SqliteClusterStore(IOptions<StorageOptions> options, TimeProvider clock)
    {
        this.clock = clock;
        connectionString = new Lazy<string>(() => ConnectionString(options.Value.ConnectionString));
    }

    // One worker per SQLite ledger: whatever is still leased when it starts was left by a process that is gone.
    protected override string FreeLeftBehindSql => "UPDATE document_claims SET lease_until = NULL WHERE lease_until IS NOT NULL;";

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString.Value).DataSource;
        if (Path.GetDirectoryName(file) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS {ClusterMigrations.VersionTable} (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);", cancellationToken);
        foreach (var (version, sql) in ClusterMigrations.Sqlite)
        {
            // BEGIN IMMEDIATE takes the write lock first, so two processes starting together apply each step once.
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var check = Command(connection, transaction, $"SELECT COUNT(*) FROM {ClusterMigrations.VersionTable} WHERE version = @v;", ("@v", version));
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await ExecuteAsync(connection, transaction, $"INSERT INTO {ClusterMigrations.VersionTable} (version, applied_at) VALUES (@v, @t);", cancellationToken,
                    ("@v", version), ("@t", TimeValue(clock.GetUtcNow())));
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString.Value);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;", cancellationToken);
        return connection;
    }

    protected override object TimeValue(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);

    private static string ConnectionString(string configured)
    {
        // A relative file resolves against the working directory, as the ledger's does: both live in one file.
        var builder = new SqliteConnectionStringBuilder(configured) { Pooling = true };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.GetFullPath(file);
        }

        return builder.ToString();
    }
}
