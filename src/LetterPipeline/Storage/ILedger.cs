namespace LetterPipeline.Storage;

/// <summary>A document's identity: its content and the pipeline that converts it. A new pipeline version reconverts.</summary>
internal sealed record DocumentKey(string Sha256, string PipelineVersion);

internal enum DocumentStatus
{
    /// <summary>Claimed, conversion not yet recorded: after a crash the next pass converts it again.</summary>
    InProgress,
    Converted,
    Failed,
}

/// <summary>
/// One row of the ledger. <see cref="File"/> is the input's path relative to the inbox; <see cref="OutputStem"/>
/// the outputs' path relative to the output folder, without extension.
/// </summary>
internal sealed record LedgerEntry(
    DocumentKey Key,
    string File,
    string OutputStem,
    DocumentStatus Status,
    int Attempts,
    int Pages,
    string? Code,
    string? Message,
    string? Stage,
    DateTimeOffset ClaimedAt,
    DateTimeOffset? CompletedAt);

/// <summary>The conversion result recorded for a claimed document.</summary>
internal sealed record LedgerCompletion(DocumentStatus Status, int Pages, long Milliseconds, string? Code, string? Message, string? Stage, DateTimeOffset CompletedAt, int Warnings = 0);

/// <summary>
/// Which documents were converted, failed or seen again under another name. Every write is durable when the
/// returned task completes, in SQLite or, for a cluster, PostgreSQL (<see cref="AdoLedger"/>).
/// </summary>
internal interface ILedger
{
    /// <summary>Creates or upgrades the schema; safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<LedgerEntry?> FindAsync(DocumentKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="file"/> is being converted, unless the key is already in the ledger.
    /// Returns the entry that holds the key afterwards and whether this call created it.
    /// </summary>
    Task<(LedgerEntry Entry, bool Created)> ClaimAsync(DocumentKey key, string file, string outputStem, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Counts one more attempt at an in-progress document left behind by an interrupted run.</summary>
    Task<LedgerEntry> ResumeAsync(DocumentKey key, DateTimeOffset now, CancellationToken cancellationToken);

    Task CompleteAsync(DocumentKey key, LedgerCompletion completion, CancellationToken cancellationToken);

    /// <summary>
    /// True when other content already writes to <paramref name="outputStem"/>. The same content under a new
    /// pipeline version keeps its name: its new outputs replace the old ones.
    /// </summary>
    Task<bool> IsOutputStemTakenAsync(string outputStem, DocumentKey key, CancellationToken cancellationToken);

    /// <summary>Records <paramref name="file"/> as a copy of the document under <paramref name="key"/>; false when already recorded.</summary>
    Task<bool> RecordDuplicateAsync(DocumentKey key, string file, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a finished document up again in its own row: in progress, one more attempt, <paramref name="file"/> as
    /// the input being converted. For a document whose outputs are missing where they are now wanted, or whose
    /// failure was the environment's.
    /// </summary>
    Task<LedgerEntry> ReopenAsync(DocumentKey key, string file, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Notes why an in-progress document could not be converted this time (output folder unwritable, disk full): it
    /// stays in progress and is tried again; <c>status</c> shows the reason.
    /// </summary>
    Task DeferAsync(DocumentKey key, string code, string? message, string? stage, CancellationToken cancellationToken);

    /// <summary>The rows of every pipeline version with <paramref name="status"/>, oldest claim first.</summary>
    Task<IReadOnlyList<LedgerEntry>> ListAsync(DocumentStatus status, CancellationToken cancellationToken);

    /// <summary>The files recorded as copies of the document under <paramref name="key"/>.</summary>
    Task<IReadOnlyList<string>> DuplicatesAsync(DocumentKey key, CancellationToken cancellationToken);

    /// <summary>Deletes the document's row and its copies: the next time it is seen, it is new (<c>letterpipe retry</c>).</summary>
    Task ForgetAsync(DocumentKey key, CancellationToken cancellationToken);
}
