using System.Data.Common;

namespace LetterPipeline.Storage;

/// <summary>
/// The ledger's SQL, written once for SQLite and PostgreSQL. A claim is an insert under the unique document key,
/// so on a shared PostgreSQL ledger workers on several machines cannot both claim one document.
/// </summary>
internal sealed class AdoLedger(StoreDatabase database) : ILedger
{
    private const string WhereKey = "sha256 = @sha AND pipeline_version = @version";

    private const string Columns = "file, output_stem, status, attempts, pages, code, message, stage, claimed_at, completed_at";

    public Task MigrateAsync(CancellationToken cancellationToken) => database.MigrateAsync(LedgerMigrations.Schema, cancellationToken);

    public async Task<LedgerEntry?> FindAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, key, cancellationToken);
    }

    public async Task<(LedgerEntry Entry, bool Created)> ClaimAsync(DocumentKey key, string file, string outputStem, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var created = await SqlCommands.ExecuteAsync(connection, null, """
            INSERT INTO documents (sha256, pipeline_version, file, output_stem, status, attempts, claimed_at)
            VALUES (@sha, @version, @file, @stem, @status, 1, @now)
            ON CONFLICT (sha256, pipeline_version) DO NOTHING;
            """, cancellationToken,
            ("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@file", file), ("@stem", outputStem),
            ("@status", DocumentStatusText.Of(DocumentStatus.InProgress)), ("@now", database.TimeValue(now))) == 1;
        var entry = await FindAsync(connection, key, cancellationToken)
            ?? throw new InvalidOperationException($"Ledger row {key} vanished after its claim.");
        return (entry, created);
    }

    public async Task<LedgerEntry> ResumeAsync(DocumentKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await SqlCommands.ExecuteAsync(connection, null, $"UPDATE documents SET attempts = attempts + 1, claimed_at = @now WHERE {WhereKey};", cancellationToken,
            ("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@now", database.TimeValue(now)));
        return await FindAsync(connection, key, cancellationToken)
            ?? throw new InvalidOperationException($"Ledger row {key} not found.");
    }

    public async Task CompleteAsync(DocumentKey key, LedgerCompletion completion, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var updated = await SqlCommands.ExecuteAsync(connection, null, $"""
            UPDATE documents
            SET status = @status, pages = @pages, milliseconds = @ms, code = @code, message = @message, stage = @stage, completed_at = @now, warnings = @warnings
            WHERE {WhereKey};
            """, cancellationToken,
            ("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@status", DocumentStatusText.Of(completion.Status)),
            ("@pages", completion.Pages), ("@ms", completion.Milliseconds), ("@code", completion.Code),
            ("@message", completion.Message), ("@stage", completion.Stage), ("@now", database.TimeValue(completion.CompletedAt)), ("@warnings", completion.Warnings));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Ledger row {key} not found.");
        }
    }

    public async Task<bool> IsOutputStemTakenAsync(string outputStem, DocumentKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await SqlCommands.CountAsync(connection, null, "SELECT COUNT(*) FROM documents WHERE output_stem = @stem AND sha256 <> @sha;", cancellationToken,
            ("@stem", outputStem), ("@sha", key.Sha256)) > 0;
    }

    public async Task<bool> RecordDuplicateAsync(DocumentKey key, string file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await SqlCommands.ExecuteAsync(connection, null, """
            INSERT INTO duplicates (sha256, pipeline_version, file, seen_at) VALUES (@sha, @version, @file, @now)
            ON CONFLICT (sha256, pipeline_version, file) DO NOTHING;
            """, cancellationToken,
            ("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@file", file), ("@now", database.TimeValue(now))) == 1;
    }

    public async Task<LedgerEntry> ReopenAsync(DocumentKey key, string file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await SqlCommands.ExecuteAsync(connection, null, $"""
            UPDATE documents SET status = @status, file = @file, attempts = attempts + 1, claimed_at = @now, completed_at = NULL
            WHERE {WhereKey};
            """, cancellationToken,
            ("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@status", DocumentStatusText.Of(DocumentStatus.InProgress)), ("@file", file),
            ("@now", database.TimeValue(now)));
        return await FindAsync(connection, key, cancellationToken)
            ?? throw new InvalidOperationException($"Ledger row {key} not found.");
    }

    public async Task DeferAsync(DocumentKey key, string code, string? message, string? stage, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await SqlCommands.ExecuteAsync(connection, null, $"UPDATE documents SET code = @code, message = @message, stage = @stage WHERE {WhereKey} AND status = @status;",
            cancellationToken, ("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@code", code), ("@message", message), ("@stage", stage),
            ("@status", DocumentStatusText.Of(DocumentStatus.InProgress)));
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(DocumentStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var query = SqlCommands.Command(connection, null, $"""
            SELECT {Columns}, sha256, pipeline_version FROM documents WHERE status = @status ORDER BY claimed_at, {database.Ordinal("file")};
            """, ("@status", DocumentStatusText.Of(status)));
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader, new DocumentKey(reader.GetString(10), reader.GetString(11))));
        }

        return entries;
    }

    public async Task<IReadOnlyList<string>> DuplicatesAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var query = SqlCommands.Command(connection, null, $"SELECT file FROM duplicates WHERE {WhereKey} ORDER BY seen_at;",
            ("@sha", key.Sha256), ("@version", key.PipelineVersion));
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var files = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            files.Add(reader.GetString(0));
        }

        return files;
    }

    public async Task ForgetAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        (string, object?)[] parameters = [("@sha", key.Sha256), ("@version", key.PipelineVersion)];
        // The copies first: they refer to the document's row.
        await SqlCommands.ExecuteAsync(connection, transaction, $"DELETE FROM duplicates WHERE {WhereKey};", cancellationToken, parameters);
        await SqlCommands.ExecuteAsync(connection, transaction, $"DELETE FROM documents WHERE {WhereKey};", cancellationToken, parameters);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<LedgerEntry?> FindAsync(DbConnection connection, DocumentKey key, CancellationToken cancellationToken)
    {
        await using var query = SqlCommands.Command(connection, null, $"SELECT {Columns} FROM documents WHERE {WhereKey};",
            ("@sha", key.Sha256), ("@version", key.PipelineVersion));
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, key) : null;
    }

    private LedgerEntry Read(DbDataReader reader, DocumentKey key) => new(
        key,
        reader.GetString(0),
        reader.GetString(1),
        DocumentStatusText.Parse(reader.GetString(2)),
        reader.GetInt32(3),
        reader.GetInt32(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        database.ReadTime(reader, 8),
        reader.IsDBNull(9) ? null : database.ReadTime(reader, 9));
}
