using LetterPipeline.Storage;

namespace LetterPipeline.Tracking;

/// <summary>
/// The reference store's schema, one numbered step at a time, for each database. Never edit a step that has
/// shipped: add the next one to both lists. Its own version table keeps it apart from the ledger's steps.
/// Step 2 records each letter's kind and publication id (converter 1.2); letters recorded before keep their Kamerstuk
/// id as publication id and an unknown (null) kind until they are converted again. Step 3 groups the versions of one
/// letter (<see cref="LetterGrouping"/>): its group, body signature and LSH bands, its dossier and dossier title (names
/// for cited ids) and the paths of its outputs; letters recorded before are each their own group until recorded again.
/// </summary>
internal static class TrackingMigrations
{
    private static readonly IReadOnlyList<(int Version, string Sql)> Sqlite =
    [
        (1, """
            CREATE TABLE letters (
                sha256           TEXT    NOT NULL PRIMARY KEY,
                file             TEXT    NOT NULL,
                title            TEXT,
                kamerstuk_id     TEXT,
                letter_date      TEXT,
                pages            INTEGER NOT NULL,
                pipeline_version TEXT    NOT NULL,
                converted_at     TEXT    NOT NULL,
                reference_count  INTEGER NOT NULL
            );
            CREATE INDEX letters_date ON letters (letter_date);
            CREATE INDEX letters_kamerstuk_id ON letters (kamerstuk_id);
            CREATE INDEX letters_file ON letters (file);
            CREATE TABLE letter_references (
                letter_sha256  TEXT    NOT NULL REFERENCES letters (sha256) ON DELETE CASCADE,
                position       INTEGER NOT NULL,
                kind           TEXT    NOT NULL,
                reference_id   TEXT    NOT NULL,
                dossier        TEXT,
                number         TEXT    NOT NULL,
                vergaderjaar   TEXT,
                item           TEXT,
                reference_date TEXT,
                footnote       TEXT,
                printed_text   TEXT    NOT NULL,
                PRIMARY KEY (letter_sha256, position)
            );
            CREATE INDEX letter_references_id ON letter_references (reference_id, letter_sha256);
            CREATE INDEX letter_references_dossier ON letter_references (dossier, reference_id);
            """),
        (2, """
            ALTER TABLE letters ADD COLUMN kind TEXT;
            ALTER TABLE letters ADD COLUMN publication_id TEXT;
            UPDATE letters SET publication_id = kamerstuk_id;
            CREATE INDEX letters_publication_id ON letters (publication_id);
            """),
        (3, """
            ALTER TABLE letters ADD COLUMN letter_group TEXT;
            ALTER TABLE letters ADD COLUMN body_signature TEXT;
            ALTER TABLE letters ADD COLUMN dossier TEXT;
            ALTER TABLE letters ADD COLUMN dossier_title TEXT;
            ALTER TABLE letters ADD COLUMN json_path TEXT;
            ALTER TABLE letters ADD COLUMN docx_path TEXT;
            UPDATE letters SET letter_group = sha256;
            CREATE INDEX letters_group ON letters (letter_group);
            CREATE INDEX letters_dossier ON letters (dossier);
            CREATE TABLE letter_bands (
                letter_sha256 TEXT    NOT NULL REFERENCES letters (sha256) ON DELETE CASCADE,
                band          INTEGER NOT NULL,
                hash          INTEGER NOT NULL,
                PRIMARY KEY (letter_sha256, band)
            );
            CREATE INDEX letter_bands_hash ON letter_bands (band, hash);
            """),
    ];

    private static readonly IReadOnlyList<(int Version, string Sql)> Postgres =
    [
        (1, """
            CREATE TABLE letters (
                sha256           TEXT        NOT NULL PRIMARY KEY,
                file             TEXT        NOT NULL,
                title            TEXT,
                kamerstuk_id     TEXT,
                letter_date      DATE,
                pages            INTEGER     NOT NULL,
                pipeline_version TEXT        NOT NULL,
                converted_at     TIMESTAMPTZ NOT NULL,
                reference_count  INTEGER     NOT NULL
            );
            CREATE INDEX letters_date ON letters (letter_date);
            CREATE INDEX letters_kamerstuk_id ON letters (kamerstuk_id);
            CREATE INDEX letters_file ON letters (file);
            CREATE TABLE letter_references (
                letter_sha256  TEXT    NOT NULL REFERENCES letters (sha256) ON DELETE CASCADE,
                position       INTEGER NOT NULL,
                kind           TEXT    NOT NULL,
                reference_id   TEXT    NOT NULL,
                dossier        TEXT,
                number         TEXT    NOT NULL,
                vergaderjaar   TEXT,
                item           TEXT,
                reference_date DATE,
                footnote       TEXT,
                printed_text   TEXT    NOT NULL,
                PRIMARY KEY (letter_sha256, position)
            );
            CREATE INDEX letter_references_id ON letter_references (reference_id, letter_sha256);
            CREATE INDEX letter_references_dossier ON letter_references (dossier, reference_id);
            """),
        (2, """
            ALTER TABLE letters ADD COLUMN kind TEXT, ADD COLUMN publication_id TEXT;
            UPDATE letters SET publication_id = kamerstuk_id;
            CREATE INDEX letters_publication_id ON letters (publication_id);
            """),
        (3, """
            ALTER TABLE letters ADD COLUMN letter_group TEXT, ADD COLUMN body_signature TEXT, ADD COLUMN dossier TEXT,
                ADD COLUMN dossier_title TEXT, ADD COLUMN json_path TEXT, ADD COLUMN docx_path TEXT;
            UPDATE letters SET letter_group = sha256;
            CREATE INDEX letters_group ON letters (letter_group);
            CREATE INDEX letters_dossier ON letters (dossier);
            CREATE TABLE letter_bands (
                letter_sha256 TEXT    NOT NULL REFERENCES letters (sha256) ON DELETE CASCADE,
                band          INTEGER NOT NULL,
                hash          BIGINT  NOT NULL,
                PRIMARY KEY (letter_sha256, band)
            );
            CREATE INDEX letter_bands_hash ON letter_bands (band, hash);
            """),
    ];

    // The lock is any constant the program owns; declared after the lists, which static initialisation reads in order.
    public static readonly Schema Schema = new("tracking_schema_version", 0x4c65_7474_6572_5265 /* "LetterRe" */, Sqlite, Postgres);
}
