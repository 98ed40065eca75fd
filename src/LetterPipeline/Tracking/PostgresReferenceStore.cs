using System.Data.Common;
using LetterPipeline.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LetterPipeline.Tracking;

/// <summary>The reference store in PostgreSQL (<c>Storage:Provider=Postgres</c>), beside the ledger, for many workers at once.</summary>
internal sealed class PostgresReferenceStore(IOptions<StorageOptions> options, TimeProvider clock) : AdoReferenceStore
{
    // Any constant the program owns: every process migrating the same database takes this lock in turn.
    private const long MigrationLock = 0x4c65_7474_6572_5265; // "LetterRe"

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // DDL is transactional here: all steps apply, or none, and a second process waits for the first.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@lock);", cancellationToken, ("@lock", MigrationLock));
        await ExecuteAsync(connection, transaction,
            $"CREATE TABLE IF NOT EXISTS {TrackingMigrations.VersionTable} (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL);", cancellationToken);
        foreach (var (version, sql) in TrackingMigrations.Postgres)
        {
            await using var check = Command(connection, transaction, $"SELECT COUNT(*) FROM {TrackingMigrations.VersionTable} WHERE version = @v;", ("@v", version));
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await ExecuteAsync(connection, transaction, $"INSERT INTO {TrackingMigrations.VersionTable} (version, applied_at) VALUES (@v, @t);", cancellationToken,
                    ("@v", version), ("@t", TimeValue(clock.GetUtcNow())));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(options.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    // Read committed is enough: the letter row's upsert serialises writers of the same letter.
    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    protected override string Month(string column) => $"to_char({column}, 'YYYY-MM')";

    protected override string Ordinal(string column) => $"{column} COLLATE \"C\"";

    protected override object DateValue(DateOnly date) => date;

    protected override object TimeValue(DateTimeOffset time) => time.ToUniversalTime();

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
