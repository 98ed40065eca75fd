using System.Data.Common;

namespace LetterPipeline.Storage;

/// <summary>
/// The ledger's SQL, written once for SQLite and PostgreSQL. A claim is an insert under the unique document key,
/// so on a shared PostgreSQL ledger workers on several machines cannot both claim one document.
/// </summary>
internal sealed class AdoLedger(StoreDatabase database) : ILedger
{
    private const string WhereKey = "sha256 = @sha AND pipeline_version = @version";

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

    private async Task<LedgerEntry?> FindAsync(DbConnection connection, DocumentKey key, CancellationToken cancellationToken)
    {
        await using var query = SqlCommands.Command(connection, null, $"""
            SELECT file, output_stem, status, attempts, pages, code, message, stage, claimed_at, completed_at
            FROM documents WHERE {WhereKey};
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
            DocumentStatusText.Parse(reader.GetString(2)),
            reader.GetInt32(3),
            reader.GetInt32(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            database.ReadTime(reader, 8),
            reader.IsDBNull(9) ? null : database.ReadTime(reader, 9));
    }
}
