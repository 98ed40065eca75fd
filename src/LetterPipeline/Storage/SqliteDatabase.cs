using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LetterPipeline.Storage;

/// <summary>
/// The stores in one SQLite file (WAL, synchronous=FULL so a committed row survives a crash or power loss). Times
/// and dates are ISO 8601 text, so text order is time order.
/// </summary>
internal sealed class SqliteDatabase(StorageOptions options, TimeProvider clock) : StoreDatabase(clock)
{
    private readonly string connectionString = ConnectionString(options.ConnectionString);

    public override bool IsShared => false;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // FULL: a committed ledger row must survive power loss, because the input is moved away right after.
        await SqlCommands.ExecuteAsync(connection, null, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;", cancellationToken);
        return connection;
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override async Task MigrateAsync(Schema schema, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (Path.GetDirectoryName(file) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await SqlCommands.ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        await CreateVersionTableAsync(connection, null, schema, "TEXT", cancellationToken);
        foreach (var step in schema.Sqlite)
        {
            // BEGIN IMMEDIATE takes the write lock first, so two processes starting together apply each step once.
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            await ApplyStepAsync(connection, transaction, schema.VersionTable, step, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public override object TimeValue(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);

    public override object DateValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override string Month(string column) => $"substr({column}, 1, 7)";

    private static string ConnectionString(string configured)
    {
        // A relative file resolves against the working directory, like the pipeline's folders.
        var builder = new SqliteConnectionStringBuilder(configured) { Pooling = true };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.GetFullPath(file);
        }

        return builder.ToString();
    }
}
