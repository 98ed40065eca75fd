namespace LetterPipeline.Storage;

/// <summary>
/// The ledger schema, one numbered step at a time for each database. Never edit a step that has shipped: add the
/// next one to both lists.
/// </summary>
internal static class LedgerMigrations
{
    private static readonly IReadOnlyList<(int Version, string Sql)> Sqlite =
    [
        (1, """
            CREATE TABLE documents (
                sha256           TEXT    NOT NULL,
                pipeline_version TEXT    NOT NULL,
                file             TEXT    NOT NULL,
                output_stem      TEXT    NOT NULL,
                status           TEXT    NOT NULL,
                attempts         INTEGER NOT NULL,
                pages            INTEGER NOT NULL DEFAULT 0,
                milliseconds     INTEGER NOT NULL DEFAULT 0,
                code             TEXT,
                message          TEXT,
                stage            TEXT,
                claimed_at       TEXT    NOT NULL,
                completed_at     TEXT,
                PRIMARY KEY (sha256, pipeline_version)
            );
            CREATE INDEX documents_output_stem ON documents (output_stem);
            CREATE TABLE duplicates (
                sha256           TEXT NOT NULL,
                pipeline_version TEXT NOT NULL,
                file             TEXT NOT NULL,
                seen_at          TEXT NOT NULL,
                PRIMARY KEY (sha256, pipeline_version, file),
                FOREIGN KEY (sha256, pipeline_version) REFERENCES documents (sha256, pipeline_version)
            );
            """),
        (2, "ALTER TABLE documents ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;"),
    ];

    private static readonly IReadOnlyList<(int Version, string Sql)> Postgres =
    [
        (1, """
            CREATE TABLE documents (
                sha256           TEXT        NOT NULL,
                pipeline_version TEXT        NOT NULL,
                file             TEXT        NOT NULL,
                output_stem      TEXT        NOT NULL,
                status           TEXT        NOT NULL,
                attempts         INTEGER     NOT NULL,
                pages            INTEGER     NOT NULL DEFAULT 0,
                milliseconds     BIGINT      NOT NULL DEFAULT 0,
                code             TEXT,
                message          TEXT,
                stage            TEXT,
                claimed_at       TIMESTAMPTZ NOT NULL,
                completed_at     TIMESTAMPTZ,
                PRIMARY KEY (sha256, pipeline_version)
            );
            CREATE INDEX documents_output_stem ON documents (output_stem);
            CREATE TABLE duplicates (
                sha256           TEXT        NOT NULL,
                pipeline_version TEXT        NOT NULL,
                file             TEXT        NOT NULL,
                seen_at          TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (sha256, pipeline_version, file),
                FOREIGN KEY (sha256, pipeline_version) REFERENCES documents (sha256, pipeline_version)
            );
            """),
        (2, "ALTER TABLE documents ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;"),
    ];

    // "schema_version" and the lock constant are what shipped databases already use. The lock is any constant the
    // program owns; declared after the lists, which static initialisation reads in order.
    public static readonly Schema Schema = new("schema_version", 0x4c65_7474_6572_4c65 /* "LetterLe" */, Sqlite, Postgres);
}
