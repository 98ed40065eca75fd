using Microsoft.Extensions.Options;
using Npgsql;

namespace LetterPipeline.Storage;

/// <summary>
/// The ledger in PostgreSQL (<c>Storage:Provider=Postgres</c>): the same contract as <see cref="SqliteLedger"/>, so
/// workers on several machines can share one ledger. A claim is an insert under the unique document key.
/// </summary>
internal sealed class PostgresLedger(IOptions<StorageOptions> options, TimeProvider clock) : ILedger
{
    // Any constant the program owns: processes migrating the same database take this lock in turn.
    private const long MigrationLock = 0x4c65_7474_6572_4c65; // "LetterLe"

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // DDL is transactional here: all steps apply, or none, and a second process waits for the first.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(Command(connection, "SELECT pg_advisory_xact_lock(@lock);", ("@lock", MigrationLock)), cancellationToken);
        await ExecuteAsync(Command(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL);"), cancellationToken);
        foreach (var (version, sql) in PostgresMigrations.Steps)
        {
            await using var check = Command(connection, "SELECT COUNT(*) FROM schema_version WHERE version = @v;", ("@v", version));
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                await ExecuteAsync(Command(connection, sql), cancellationToken);
                await ExecuteAsync(Command(connection, "INSERT INTO schema_version (version, applied_at) VALUES (@v, @t);", ("@v", version), ("@t", clock.GetUtcNow())), cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<LedgerEntry?> FindAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindAsync(connection, key, cancellationToken);
    }

    public async Task<(LedgerEntry Entry, bool Created)> ClaimAsync(DocumentKey key, string file, string outputStem, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var insert = Command(connection, """
            INSERT INTO documents (sha256, pipeline_version, file, output_stem, status, attempts, claimed_at)
            VALUES (@sha, @version, @file, @stem, @status, 1, @now)
            ON CONFLICT (sha256, pipeline_version) DO NOTHING;
            """,
            ("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@file", file), ("@stem", outputStem),
            ("@status", Status(DocumentStatus.InProgress)), ("@now", now.ToUniversalTime()));
        var created = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        var entry = await FindAsync(connection, key, cancellationToken)
            ?? throw new InvalidOperationException($"Ledger row {key} vanished after its claim.");
        return (entry, created);
    }

    public async Task<LedgerEntry> ResumeAsync(DocumentKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(Command(connection,
            "UPDATE documents SET attempts = attempts + 1, claimed_at = @now WHERE sha256 = @sha AND pipeline_version = @version;",
            ("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@now", now.ToUniversalTime())), cancellationToken);
        return await FindAsync(connection, key, cancellationToken)
            ?? throw new InvalidOperationException($"Ledger row {key} not found.");
    }

    public async Task CompleteAsync(DocumentKey key, LedgerCompletion completion, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var update = Command(connection, """
            UPDATE documents
            SET status = @status, pages = @pages, milliseconds = @ms, code = @code, message = @message, stage = @stage, completed_at = @now
            WHERE sha256 = @sha AND pipeline_version = @version;
            """,
            ("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@status", Status(completion.Status)),
            ("@pages", completion.Pages), ("@ms", completion.Milliseconds), ("@code", completion.Code),
            ("@message", completion.Message), ("@stage", completion.Stage), ("@now", completion.CompletedAt.ToUniversalTime()));
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"Ledger row {key} not found.");
        }
    }

    public async Task<bool> IsOutputStemTakenAsync(string outputStem, DocumentKey key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection,
            "SELECT COUNT(*) FROM documents WHERE output_stem = @stem AND sha256 <> @sha;",
            ("@stem", outputStem), ("@sha", key.Sha256));
        return (long)(await query.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    public async Task<bool> RecordDuplicateAsync(DocumentKey key, string file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var insert = Command(connection, """
            INSERT INTO duplicates (sha256, pipeline_version, file, seen_at) VALUES (@sha, @version, @file, @now)
            ON CONFLICT (sha256, pipeline_version, file) DO NOTHING;
            """,
            ("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@file", file), ("@now", now.ToUniversalTime()));
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<LedgerEntry?> FindAsync(NpgsqlConnection connection, DocumentKey key, CancellationToken cancellationToken)
    {
        await using var query = Command(connection, """
            SELECT file, output_stem, status, attempts, pages, code, message, stage, claimed_at, completed_at
            FROM documents WHERE sha256 = @sha AND pipeline_version = @version;
            """,
            ("@sha", key.Sha256), ("@version", key.PipelineVersion));
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new LedgerEntry(
            key,
            reader.GetString(0),
            reader.GetString(1),
            ParseStatus(reader.GetString(2)),
            reader.GetInt32(3),
            reader.GetInt32(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.GetFieldValue<DateTimeOffset>(8),
            reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9));
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(options.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
#pragma warning disable CA2100 // SQL text is constant; values go through parameters.
        var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static string Status(DocumentStatus status) => status switch
    {
        DocumentStatus.InProgress => "in-progress",
        DocumentStatus.Converted => "converted",
        DocumentStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static DocumentStatus ParseStatus(string status) => status switch
    {
        "in-progress" => DocumentStatus.InProgress,
        "converted" => DocumentStatus.Converted,
        "failed" => DocumentStatus.Failed,
        _ => throw new InvalidDataException($"Unknown ledger status '{status}'."),
    };
}
