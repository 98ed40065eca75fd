namespace LetterPipeline.Storage;

/// <summary>
/// One store's schema: its numbered steps for each database, the table that records which steps are applied, and
/// the PostgreSQL advisory lock that processes migrating it take in turn. Never edit a step that has shipped: add
/// the next one to both lists.
/// </summary>
internal sealed record Schema(
    string VersionTable,
    long PostgresLock,
    IReadOnlyList<(int Version, string Sql)> Sqlite,
    IReadOnlyList<(int Version, string Sql)> Postgres);
