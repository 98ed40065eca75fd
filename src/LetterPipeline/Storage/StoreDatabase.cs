using System.Data.Common;

namespace LetterPipeline.Storage;

/// <summary>
/// The database the ledger, the lease store and the reference store share: its connections, how times and dates
/// travel, and the runner that applies a schema's steps once. The stores write their SQL once against this; a
/// subclass holds what SQLite and PostgreSQL do differently.
/// </summary>
internal abstract class StoreDatabase(TimeProvider clock)
{
    /// <summary>The configured database: PostgreSQL when <c>Storage:Provider</c> names it, SQLite otherwise.</summary>
    public static StoreDatabase Create(StorageOptions options, TimeProvider clock) =>
        StorageOptions.IsPostgres(options) ? new PostgresDatabase(options, clock) : new SqliteDatabase(options, clock);

    /// <summary>True when worker nodes on several machines share this database; a SQLite file serves one worker at a time.</summary>
    public abstract bool IsShared { get; }

    /// <summary>An open connection with the database's session settings.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that holds the write lock from its start, so concurrent writers queue instead of failing.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Creates or upgrades <paramref name="schema"/>: each missing step once, even with processes starting together.</summary>
    public abstract Task MigrateAsync(Schema schema, CancellationToken cancellationToken);

    /// <summary>A point in time as the database stores it.</summary>
    public abstract object TimeValue(DateTimeOffset time);

    /// <summary>A point in time as the database returns it.</summary>
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>A date as the database stores it.</summary>
    public abstract object DateValue(DateOnly date);

    /// <summary>SQL for "yyyy-MM" of a date column.</summary>
    public abstract string Month(string column);

    /// <summary>SQL that orders a text column by code point, whatever the database's collation, so both databases answer alike.</summary>
    public virtual string Ordinal(string column) => column;

    /// <summary>Creates the schema's version table; <paramref name="timeType"/> is the column type of a point in time.</summary>
    protected static Task CreateVersionTableAsync(DbConnection connection, DbTransaction? transaction, Schema schema, string timeType, CancellationToken cancellationToken) =>
        SqlCommands.ExecuteAsync(connection, transaction,
            $"CREATE TABLE IF NOT EXISTS {schema.VersionTable} (version INTEGER PRIMARY KEY, applied_at {timeType} NOT NULL);", cancellationToken);

    /// <summary>Applies one step and records it, unless the version table already has it; the caller holds the migration lock.</summary>
    protected async Task ApplyStepAsync(DbConnection connection, DbTransaction transaction, string versionTable, (int Version, string Sql) step, CancellationToken cancellationToken)
    {
        if (await SqlCommands.CountAsync(connection, transaction, $"SELECT COUNT(*) FROM {versionTable} WHERE version = @v;", cancellationToken, ("@v", step.Version)) == 0)
        {
            await SqlCommands.ExecuteAsync(connection, transaction, step.Sql, cancellationToken);
            await SqlCommands.ExecuteAsync(connection, transaction, $"INSERT INTO {versionTable} (version, applied_at) VALUES (@v, @t);", cancellationToken,
                ("@v", step.Version), ("@t", TimeValue(clock.GetUtcNow())));
        }
    }
}
