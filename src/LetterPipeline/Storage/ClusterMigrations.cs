namespace LetterPipeline.Storage;

/// <summary>
/// The lease tables, one numbered step at a time for each database, with a version table of their own beside the
/// ledger's and the reference store's. On PostgreSQL the first step is Quartz's own schema. Never edit a step that
/// has shipped: add the next one.
/// </summary>
internal static class ClusterMigrations
{
    /// <summary>The PostgreSQL schema Quartz 4.7.3 ships inside Quartz.dll, the one its AdoJobStore reads and writes.</summary>
    public const string QuartzSchemaResource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    /// <summary>Quartz's default table prefix: its PostgreSQL delegate writes QRTZ_TRIGGERS unquoted, that is qrtz_triggers.</summary>
    public const string QuartzTablePrefix = "qrtz_";

    private static readonly IReadOnlyList<(int Version, string Sql)> Sqlite =
    [
        (1, """
            CREATE TABLE cluster_nodes (
                node       TEXT NOT NULL PRIMARY KEY,
                started_at TEXT NOT NULL,
                last_seen  TEXT NOT NULL
            );
            CREATE TABLE document_claims (
                sha256           TEXT NOT NULL,
                pipeline_version TEXT NOT NULL,
                node             TEXT NOT NULL,
                lease_until      TEXT,
                finished_by      TEXT,
                finished_status  TEXT,
                finished_at      TEXT,
                PRIMARY KEY (sha256, pipeline_version)
            );
            CREATE INDEX document_claims_held ON document_claims (node) WHERE lease_until IS NOT NULL;
            CREATE INDEX document_claims_finished_by ON document_claims (finished_by);
            """),
        (2, "ALTER TABLE cluster_nodes ADD COLUMN stopped_at TEXT;"),
    ];

    private static readonly IReadOnlyList<(int Version, string Sql)> Postgres =
    [
        (1, QuartzSchema()),
        (2, """
            CREATE TABLE cluster_nodes (
                node       TEXT        NOT NULL PRIMARY KEY,
                started_at TIMESTAMPTZ NOT NULL,
                last_seen  TIMESTAMPTZ NOT NULL
            );
            CREATE TABLE document_claims (
                sha256           TEXT        NOT NULL,
                pipeline_version TEXT        NOT NULL,
                node             TEXT        NOT NULL,
                lease_until      TIMESTAMPTZ,
                finished_by      TEXT,
                finished_status  TEXT,
                finished_at      TIMESTAMPTZ,
                PRIMARY KEY (sha256, pipeline_version)
            );
            CREATE INDEX document_claims_held ON document_claims (node) WHERE lease_until IS NOT NULL;
            CREATE INDEX document_claims_finished_by ON document_claims (finished_by);
            """),
        (3, "ALTER TABLE cluster_nodes ADD COLUMN stopped_at TIMESTAMPTZ;"),
    ];

    // The lock is any constant the program owns; declared after the lists, which static initialisation reads in order.
    public static readonly Schema Schema = new("cluster_schema_version", 0x4c65_7474_6572_436c /* "LetterCl" */, Sqlite, Postgres);

    /// <summary>
    /// Quartz's script with its prefix placeholders filled in. Every statement ends in ';' and creates only what is
    /// missing; the '--;;' lines between them are SQL comments, so PostgreSQL runs the script as it is.
    /// </summary>
    private static string QuartzSchema()
    {
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(QuartzSchemaResource)
            ?? throw new InvalidOperationException($"{QuartzSchemaResource} is not embedded in this Quartz.dll.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{0}", QuartzTablePrefix, StringComparison.Ordinal).Replace("{1}", QuartzTablePrefix, StringComparison.Ordinal);
    }
}
