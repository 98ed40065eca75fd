using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LetterPipeline.Storage;

/// <summary>Leases and heartbeats in PostgreSQL, beside the ledger and Quartz's tables, shared by every node of a cluster.</summary>
internal sealed class PostgresClusterStore(IOptions<StorageOptions> options, TimeProvider clock) : AdoClusterStore
{
    // Any constant the program owns: every process migrating the same database takes this lock in turn.
    private const long MigrationLock = 0x4c65_7474_6572_436c; // "LetterCl"

    // Another node may hold leases of its own: a starting node frees only what an earlier process under its id left.
    protected override string FreeLeftBehindSql => "UPDATE document_claims SET lease_until = NULL WHERE lease_until IS NOT NULL AND node = @node;";

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)await OpenAsync(cancellationToken);
        // DDL is transactional here: all steps apply, or none, and a node starting at the same moment waits for this one.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@lock);", cancellationToken, ("@lock", MigrationLock));
        await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS {ClusterMigrations.VersionTable} (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL);", cancellationToken);
        foreach (var (version, sql) in ClusterMigrations.Postgres)
        {
            await using var check = Command(connection, $"SELECT COUNT(*) FROM {ClusterMigrations.VersionTable} WHERE version = @v;", ("@v", version));
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                await ExecuteAsync(connection, sql, cancellationToken);
                await ExecuteAsync(connection, $"INSERT INTO {ClusterMigrations.VersionTable} (version, applied_at) VALUES (@v, @t);", cancellationToken,
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

    protected override object TimeValue(DateTimeOffset time) => time.ToUniversalTime();

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
