namespace LetterPipeline.Storage;

/// <summary>
/// The ledger schema for PostgreSQL: the same steps as <see cref="SqliteMigrations"/>, in PostgreSQL types. Never
/// edit a step that has shipped: add the next one here and there.
/// </summary>
internal static class PostgresMigrations
{
    public static readonly IReadOnlyList<(int Version, string Sql)> Steps =
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
    ];
}
