using System.Data.Common;
using Npgsql;

namespace LetterPipeline.Storage;

/// <summary>The stores in PostgreSQL (<c>Storage:Provider=Postgres</c>), so worker nodes on several machines share them.</summary>
internal sealed class PostgresDatabase(StorageOptions options, TimeProvider clock) : StoreDatabase(clock)
{
    public override bool IsShared => true;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    // Read committed is enough: each store's writes lock the rows they change first.
    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public override async Task MigrateAsync(Schema schema, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // DDL is transactional here: all steps apply, or none, and a second process waits for the first.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SqlCommands.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@lock);", cancellationToken, ("@lock", schema.PostgresLock));
        await CreateVersionTableAsync(connection, transaction, schema, "TIMESTAMPTZ", cancellationToken);
        foreach (var step in schema.Postgres)
        {
            await ApplyStepAsync(connection, transaction, schema.VersionTable, step, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public override object TimeValue(DateTimeOffset time) => time.ToUniversalTime();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override object DateValue(DateOnly date) => date;

    public override string Month(string column) => $"to_char({column}, 'YYYY-MM')";

    public override string Ordinal(string column) => $"{column} COLLATE \"C\"";
}
