using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Storage;

/// <summary>The ledger in a SQLite file (WAL, synchronous=FULL so a committed row survives a crash or power loss).</summary>
internal sealed class SqliteLedger : ILedger
{
    private readonly Lazy<string> connectionString;
    private readonly TimeProvider clock;

    // Options are read on first use, after the host has validated them.
    public SqliteLedger(IOptions<StorageOptions> options, TimeProvider clock)
    {
        this.clock = clock;
        connectionString = new Lazy<string>(() => ConnectionString(options.Value.ConnectionString));
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString.Value).DataSource;
        if (Path.GetDirectoryName(file) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);", cancellationToken);
        foreach (var (version, sql) in SqliteMigrations.Steps)
        {
            // BEGIN IMMEDIATE takes the write lock first, so two processes starting together apply each step once.
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var check = Command(connection, "SELECT COUNT(*) FROM schema_version WHERE version = $v;", ("$v", version));
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                await ExecuteAsync(connection, sql, cancellationToken);
                await using var mark = Command(connection, "INSERT INTO schema_version (version, applied_at) VALUES ($v, $t);",
                    ("$v", version), ("$t", Time(clock.GetUtcNow())));
                await mark.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
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
            VALUES ($sha, $version, $file, $stem, $status, 1, $now)
            ON CONFLICT (sha256, pipeline_version) DO NOTHING;
            """,
            ("$sha", key.Sha256), ("$version", key.PipelineVersion), ("$file", file), ("$stem", outputStem),
            ("$status", Status(DocumentStatus.InProgress)), ("$now", Time(now)));
        var created = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        var entry = await FindAsync(connection, key, cancellationToken)
            ?? throw new InvalidOperationException($"Ledger row {key} vanished after its claim.");
        return (entry, created);
    }

    public async Task<LedgerEntry> ResumeAsync(DocumentKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var update = Command(connection,
            "UPDATE documents SET attempts = attempts + 1, claimed_at = $now WHERE sha256 = $sha AND pipeline_version = $version;",
            ("$sha", key.Sha256), ("$version", key.PipelineVersion), ("$now", Time(now)));
        await update.ExecuteNonQueryAsync(cancellationToken);
        return await FindAsync(connection, key, cancellationToken)
            ?? throw new InvalidOperationException($"Ledger row {key} not found.");
    }

    public async Task CompleteAsync(DocumentKey key, LedgerCompletion completion, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var update = Command(connection, """
            UPDATE documents
            SET status = $status, pages = $pages, milliseconds = $ms, code = $code, message = $message, stage = $stage, completed_at = $now
            WHERE sha256 = $sha AND pipeline_version = $version;
            """,
            ("$sha", key.Sha256), ("$version", key.PipelineVersion), ("$status", Status(completion.Status)),
            ("$pages", completion.Pages), ("$ms", completion.Milliseconds), ("$code", completion.Code),
            ("$message", completion.Message), ("$stage", completion.Stage), ("$now", Time(completion.CompletedAt)));
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"Ledger row {key} not found.");
        }
    }

    public async Task<bool> IsOutputStemTakenAsync(string outputStem, DocumentKey key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection,
            "SELECT COUNT(*) FROM documents WHERE output_stem = $stem AND sha256 <> $sha;",
            ("$stem", outputStem), ("$sha", key.Sha256));
        return Convert.ToInt64(await query.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    public async Task<bool> RecordDuplicateAsync(DocumentKey key, string file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var insert = Command(connection, """
            INSERT INTO duplicates (sha256, pipeline_version, file, seen_at) VALUES ($sha, $version, $file, $now)
            ON CONFLICT (sha256, pipeline_version, file) DO NOTHING;
            """,
            ("$sha", key.Sha256), ("$version", key.PipelineVersion), ("$file", file), ("$now", Time(now)));
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<LedgerEntry?> FindAsync(SqliteConnection connection, DocumentKey key, CancellationToken cancellationToken)
    {
        await using var query = Command(connection, """
            SELECT file, output_stem, status, attempts, pages, code, message, stage, claimed_at, completed_at
            FROM documents WHERE sha256 = $sha AND pipeline_version = $version;
            """,
            ("$sha", key.Sha256), ("$version", key.PipelineVersion));
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
            DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture),
            reader.IsDBNull(9) ? null : DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture));
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString.Value);
        await connection.OpenAsync(cancellationToken);
        // FULL: a committed ledger row must survive power loss, because the input is moved away right after.
        await ExecuteAsync(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;", cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is constant; values go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

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

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

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
