using System.Data.Common;
using System.Globalization;
using LetterPipeline.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Tracking;

/// <summary>The reference store in the ledger's SQLite file; dates are ISO 8601 text, so text order is time order.</summary>
internal sealed class SqliteReferenceStore : AdoReferenceStore
{
    private readonly Lazy<string> connectionString;
    private readonly TimeProvider clock;

    // Options are read on first use, after the host has validated them.
    public SqliteReferenceStore(IOptions<StorageOptions> options, TimeProvider clock)
    {
        this.clock = clock;
        connectionString = new Lazy<string>(() => ConnectionString(options.Value.ConnectionString));
    }

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString.Value).DataSource;
        if (Path.GetDirectoryName(file) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        await ExecuteAsync(connection, null,
            $"CREATE TABLE IF NOT EXISTS {TrackingMigrations.VersionTable} (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);", cancellationToken);
        foreach (var (version, sql) in TrackingMigrations.Sqlite)
        {
            // BEGIN IMMEDIATE takes the write lock first, so two processes starting together apply each step once.
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            await using var check = Command(connection, transaction, $"SELECT COUNT(*) FROM {TrackingMigrations.VersionTable} WHERE version = @v;", ("@v", version));
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await ExecuteAsync(connection, transaction, $"INSERT INTO {TrackingMigrations.VersionTable} (version, applied_at) VALUES (@v, @t);", cancellationToken,
                    ("@v", version), ("@t", TimeValue(clock.GetUtcNow())));
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString.Value);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;", cancellationToken);
        return connection;
    }

    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override string Month(string column) => $"substr({column}, 1, 7)";

    protected override object DateValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override object TimeValue(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

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
