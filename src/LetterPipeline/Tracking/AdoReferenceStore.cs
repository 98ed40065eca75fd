using System.Data.Common;
using System.Globalization;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Writing;
using LetterPipeline.Storage;

namespace LetterPipeline.Tracking;

/// <summary>
/// The reference store's SQL, written once for SQLite and PostgreSQL; the <see cref="StoreDatabase"/> supplies
/// connections, the month of a date column and how dates travel as parameters.
/// </summary>
internal sealed class AdoReferenceStore(StoreDatabase database) : IReferenceStore
{
    private const string LetterColumns =
        "l.sha256, l.file, l.title, l.kamerstuk_id, l.letter_date, l.pages, l.pipeline_version, l.converted_at, l.reference_count, l.kind, l.publication_id, l.letter_group, l.json_path, l.docx_path";

    private const string ReferenceColumns =
        "r.position, r.kind, r.reference_id, r.dossier, r.number, r.vergaderjaar, r.item, r.reference_date, r.footnote, r.printed_text";

    private const string CitationsFrom = "FROM letter_references r JOIN letters l ON l.sha256 = r.letter_sha256";

    // Any constant the program owns: serialises grouping across PostgreSQL writers (SQLite writers are serial already).
    private const long GroupingLock = 0x4c65_7474_6572_4772; /* "LetterGr" */

    /// <summary>
    /// Each (document, citing letter group) once: the most occurrences any version has, the earliest date of any
    /// version as the letter's date. {0} filters the references (alias r, letter l).
    /// </summary>
    private const string PerLetterCitations = """
        WITH g AS (SELECT letter_group, MIN(letter_date) AS group_date FROM letters GROUP BY letter_group),
        o AS (
            SELECT r.reference_id, l.letter_group, r.letter_sha256, MIN(r.kind) AS kind, MIN(r.dossier) AS dossier, MIN(r.number) AS number,
                   MAX(r.reference_date) AS reference_date, COUNT(*) AS n
            FROM letter_references r JOIN letters l ON l.sha256 = r.letter_sha256 {0}
            GROUP BY r.reference_id, l.letter_group, r.letter_sha256),
        c AS (
            SELECT o.reference_id, o.letter_group, MIN(o.kind) AS kind, MIN(o.dossier) AS dossier, MIN(o.number) AS number,
                   MAX(o.reference_date) AS reference_date, MAX(o.n) AS n, MIN(g.group_date) AS group_date
            FROM o JOIN g ON g.letter_group = o.letter_group
            GROUP BY o.reference_id, o.letter_group)
        """;

    public Task MigrateAsync(CancellationToken cancellationToken) => database.MigrateAsync(TrackingMigrations.Schema, cancellationToken);

    public async Task<bool> RecordAsync(Letter letter, LetterOutputs outputs, string pipelineVersion, DateTimeOffset convertedAt, CancellationToken cancellationToken)
    {
        var signature = BodySignature.Of(letter);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);

        // The upsert locks the letter's row first, so two writers of the same letter run one after the other;
        // it changes nothing (0 rows) when this content is already recorded under this pipeline version.
        await using var upsert = SqlCommands.Command(connection, transaction, """
            INSERT INTO letters (sha256, file, title, kamerstuk_id, letter_date, pages, pipeline_version, converted_at, reference_count, kind, publication_id,
                                 letter_group, body_signature, dossier, dossier_title, json_path, docx_path)
            VALUES (@sha, @file, @title, @kamerstuk, @date, @pages, @version, @at, @count, @kind, @publication,
                    @sha, @signature, @dossier, @dossierTitle, @json, @docx)
            ON CONFLICT (sha256) DO UPDATE SET
                file = excluded.file, title = excluded.title, kamerstuk_id = excluded.kamerstuk_id, letter_date = excluded.letter_date,
                pages = excluded.pages, pipeline_version = excluded.pipeline_version, converted_at = excluded.converted_at,
                reference_count = excluded.reference_count, kind = excluded.kind, publication_id = excluded.publication_id,
                body_signature = excluded.body_signature, dossier = excluded.dossier, dossier_title = excluded.dossier_title,
                json_path = excluded.json_path, docx_path = excluded.docx_path
            WHERE letters.pipeline_version <> excluded.pipeline_version;
            """,
            ("@sha", letter.Source.Sha256), ("@file", letter.Source.File), ("@title", letter.Title),
            ("@kamerstuk", letter.Kamerstuk?.Id), ("@date", Date(letter.Date)), ("@pages", letter.Source.Pages),
            ("@version", pipelineVersion), ("@at", database.TimeValue(convertedAt)), ("@count", letter.References.Count),
            ("@kind", JsonLetterWriter.Kind(letter.Kind)), ("@publication", letter.PublicationId),
            ("@signature", signature?.ToString()), ("@dossier", letter.Kamerstuk?.Dossier), ("@dossierTitle", letter.Kamerstuk?.DossierTitle),
            ("@json", outputs.Json), ("@docx", outputs.Docx));
        if (await upsert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        await using (var delete = SqlCommands.Command(connection, transaction, "DELETE FROM letter_references WHERE letter_sha256 = @sha;", ("@sha", letter.Source.Sha256)))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = SqlCommands.Command(connection, transaction, """
            INSERT INTO letter_references (letter_sha256, position, kind, reference_id, dossier, number, vergaderjaar, item, reference_date, footnote, printed_text)
            VALUES (@sha, @position, @kind, @id, @dossier, @number, @vergaderjaar, @item, @date, @footnote, @text);
            """,
            ("@sha", letter.Source.Sha256), ("@position", 0), ("@kind", ""), ("@id", ""), ("@dossier", null), ("@number", ""),
            ("@vergaderjaar", null), ("@item", null), ("@date", null), ("@footnote", null), ("@text", ""));
        for (var position = 0; position < letter.References.Count; position++)
        {
            var r = letter.References[position];
            Set(insert, "@position", position);
            Set(insert, "@kind", Kind(r.Kind));
            Set(insert, "@id", r.Id);
            Set(insert, "@dossier", r.Dossier);
            Set(insert, "@number", r.Number);
            Set(insert, "@vergaderjaar", r.Vergaderjaar);
            Set(insert, "@item", r.Item);
            Set(insert, "@date", Date(r.Date));
            Set(insert, "@footnote", r.Footnote);
            Set(insert, "@text", r.Text);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await GroupAsync(connection, transaction, letter, signature, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Puts the letter just written into the group of its other versions: regroups it with every letter that shares
    /// its publication id or an LSH band of its body, and with the members of their groups and of its old group (so a
    /// changed letter can also leave a group). Only those letters can change group.
    /// </summary>
    private async Task GroupAsync(DbConnection connection, DbTransaction transaction, Letter letter, BodySignature? signature, CancellationToken cancellationToken)
    {
        var sha = letter.Source.Sha256;
        await using (var delete = SqlCommands.Command(connection, transaction, "DELETE FROM letter_bands WHERE letter_sha256 = @sha;", ("@sha", sha)))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        if (signature is not null)
        {
            await using var band = SqlCommands.Command(connection, transaction, "INSERT INTO letter_bands (letter_sha256, band, hash) VALUES (@sha, @band, @hash);",
                ("@sha", sha), ("@band", 0), ("@hash", 0L));
            var bands = signature.Bands();
            for (var b = 0; b < bands.Count; b++)
            {
                Set(band, "@band", b);
                Set(band, "@hash", bands[b]);
                await band.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (database is PostgresDatabase)
        {
            // Two versions recorded at once must see each other: the second waits here until the first commits.
            await SqlCommands.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@lock);", cancellationToken, ("@lock", GroupingLock));
        }

        var id = letter.PublicationId ?? letter.Kamerstuk?.Id;
        var sameId = id is null ? "" : "OR publication_id = @id OR kamerstuk_id = @id";
        var members = new List<(GroupingMember Member, string Group)>();
        await using (var read = SqlCommands.Command(connection, transaction, $"""
            WITH c AS (
                SELECT sha256, letter_group FROM letters
                WHERE sha256 = @sha {sameId}
                   OR sha256 IN (SELECT b2.letter_sha256 FROM letter_bands b1 JOIN letter_bands b2 ON b2.band = b1.band AND b2.hash = b1.hash WHERE b1.letter_sha256 = @sha))
            SELECT l.sha256, COALESCE(l.publication_id, l.kamerstuk_id), l.body_signature, l.letter_group FROM letters l
            WHERE l.letter_group IN (SELECT letter_group FROM c) OR l.sha256 IN (SELECT sha256 FROM c);
            """, id is null ? [("@sha", sha)] : [("@sha", sha), ("@id", id)]))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                members.Add((new GroupingMember(reader.GetString(0), NullableString(reader, 1), BodySignature.Parse(NullableString(reader, 2))), reader.GetString(3)));
            }
        }

        var groups = LetterGrouping.Group(members.Select(m => m.Member).ToList());
        await using var update = SqlCommands.Command(connection, transaction, "UPDATE letters SET letter_group = @group WHERE sha256 = @sha;", ("@group", ""), ("@sha", ""));
        foreach (var (member, group) in members.Where(m => groups[m.Member.Sha256] != m.Group))
        {
            Set(update, "@group", groups[member.Sha256]);
            Set(update, "@sha", member.Sha256);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<StoredLetter>> FindLettersAsync(string key, CancellationToken cancellationToken)
    {
        var prefix = key.ToLowerInvariant();
        var isHex = prefix.Length >= 8 && prefix.All(Uri.IsHexDigit);
        // The stem form matches "voortgang" for "voortgang.pdf"; LIKE wildcards in the key are escaped.
        var stem = key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + ".%";
        return await ReadAsync($"""
            SELECT {LetterColumns} FROM letters l
            WHERE l.file = @key OR l.kamerstuk_id = @key OR l.publication_id = @key OR l.file LIKE @stem ESCAPE '\' {(isHex ? "OR l.sha256 LIKE @prefix" : "")}
            ORDER BY l.letter_date NULLS LAST, {database.Ordinal("l.file")};
            """, ReadLetter, cancellationToken, ("@key", key), ("@stem", stem), ("@prefix", prefix + "%"));
    }

    public Task<IReadOnlyList<StoredLetter>> LettersAsync(CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {LetterColumns} FROM letters l ORDER BY l.letter_date NULLS LAST, {database.Ordinal("l.file")};", ReadLetter, cancellationToken);

    public Task<IReadOnlyList<Citation>> CitationsAsync(IReadOnlyCollection<string>? ids, CancellationToken cancellationToken)
    {
        var names = (ids ?? []).Select((_, i) => $"@id{i}").ToArray();
        var where = ids is null ? "" : ids.Count == 0 ? "WHERE 1 = 0" : $"WHERE r.reference_id IN ({string.Join(", ", names)})";
        var parameters = (ids ?? []).Select((id, i) => (names[i], (object?)id)).ToArray();
        return ReadAsync($"""
            SELECT {LetterColumns}, {ReferenceColumns} {CitationsFrom} {where}
            ORDER BY l.letter_date NULLS LAST, {database.Ordinal("l.file")}, r.position;
            """, ReadCitation, cancellationToken, parameters);
    }

    public async Task<IReadOnlyList<Citation>> NewInAsync(StoredLetter letter, CancellationToken cancellationToken)
    {
        // An undated letter has no place in time: nothing is known to be earlier, so every reference is new.
        var earlier = letter.Date is null ? "1 = 0" : "el.letter_date < @date";
        var citations = await ReadAsync($"""
            SELECT {LetterColumns}, {ReferenceColumns} {CitationsFrom}
            WHERE r.letter_sha256 = @sha AND NOT EXISTS (
                SELECT 1 FROM letter_references e JOIN letters el ON el.sha256 = e.letter_sha256
                WHERE e.reference_id = r.reference_id AND el.letter_group <> l.letter_group AND {earlier})
            ORDER BY r.position;
            """, ReadCitation, cancellationToken, ("@sha", letter.Sha256), ("@date", Date(letter.Date)));
        return citations.DistinctBy(c => c.Reference.Id).ToList();
    }

    public Task<IReadOnlyList<DocumentCount>> DocumentsAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        if (query.Dossier is not null)
        {
            conditions.Add("r.dossier = @dossier");
        }

        if (query.WithoutDossier)
        {
            conditions.Add("r.dossier IS NULL");
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        var since = query.Since is null ? "" : "WHERE c.group_date >= @since";
        var limit = query.Limit is { } n ? $"LIMIT {n.ToString(CultureInfo.InvariantCulture)}" : "";
        return ReadAsync($"""
            {string.Format(CultureInfo.InvariantCulture, PerLetterCitations, where)}
            SELECT c.reference_id, MIN(c.kind), MIN(c.dossier), MIN(c.number), MAX(c.reference_date),
                   SUM(c.n), COUNT(*), MIN(c.group_date), MAX(c.group_date)
            FROM c {since}
            GROUP BY c.reference_id
            ORDER BY COUNT(*) DESC, SUM(c.n) DESC, {database.Ordinal("c.reference_id")}
            {limit};
            """, r => new DocumentCount(
                r.GetString(0), ParseKind(r.GetString(1)), NullableString(r, 2), r.GetString(3), ReadDate(r, 4),
                Int(r, 5), Int(r, 6), ReadDate(r, 7), ReadDate(r, 8)),
            cancellationToken, ("@dossier", query.Dossier), ("@since", Date(query.Since)));
    }

    public Task<IReadOnlyList<MonthCount>> MonthsAsync(string? dossier, CancellationToken cancellationToken)
    {
        var where = dossier is null ? "WHERE r.dossier IS NOT NULL" : "WHERE r.dossier = @dossier";
        return ReadAsync($"""
            {string.Format(CultureInfo.InvariantCulture, PerLetterCitations, where)}
            SELECT c.dossier, {database.Month("c.group_date")} AS month, SUM(c.n), COUNT(DISTINCT c.letter_group)
            FROM c
            GROUP BY c.dossier, month
            ORDER BY {database.Ordinal("c.dossier")}, month NULLS LAST;
            """, r => new MonthCount(r.GetString(0), NullableString(r, 1), Int(r, 2), Int(r, 3)),
            cancellationToken, ("@dossier", dossier));
    }

    public Task<IReadOnlyList<DossierCount>> DossiersAsync(CancellationToken cancellationToken) =>
        ReadAsync($"""
            {string.Format(CultureInfo.InvariantCulture, PerLetterCitations, "WHERE r.dossier IS NOT NULL")}
            SELECT c.dossier, SUM(c.n), COUNT(DISTINCT c.letter_group), COUNT(DISTINCT c.reference_id)
            FROM c
            GROUP BY c.dossier
            ORDER BY SUM(c.n) DESC, COUNT(DISTINCT c.letter_group) DESC, {database.Ordinal("c.dossier")};
            """, r => new DossierCount(r.GetString(0), Int(r, 1), Int(r, 2), Int(r, 3)), cancellationToken);

    public Task<IReadOnlyList<StoredPaper>> PapersAsync(CancellationToken cancellationToken) =>
        ReadAsync("""
            SELECT COALESCE(publication_id, kamerstuk_id), title, letter_group FROM letters
            WHERE publication_id IS NOT NULL OR kamerstuk_id IS NOT NULL;
            """, r => new StoredPaper(r.GetString(0), NullableString(r, 1), r.GetString(2)), cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> DossierTitlesAsync(CancellationToken cancellationToken)
    {
        var rows = await ReadAsync("""
            SELECT dossier, MIN(dossier_title) FROM letters WHERE dossier IS NOT NULL AND dossier_title IS NOT NULL GROUP BY dossier;
            """, r => (Dossier: r.GetString(0), Title: r.GetString(1)), cancellationToken);
        return rows.ToDictionary(r => r.Dossier, r => r.Title, StringComparer.Ordinal);
    }

    private static void Set(DbCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Only the parameters the statement names: PostgreSQL rejects a parameter it cannot type.
        var used = parameters.Where(p => sql.Contains(p.Name, StringComparison.Ordinal)).ToArray();
        await using var command = SqlCommands.Command(connection, null, sql, used);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private StoredLetter ReadLetter(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), NullableString(r, 2), NullableString(r, 3), ReadDate(r, 4), Int(r, 5), r.GetString(6), database.ReadTime(r, 7), Int(r, 8),
        NullableString(r, 9), NullableString(r, 10), NullableString(r, 11), NullableString(r, 12), NullableString(r, 13));

    private Citation ReadCitation(DbDataReader r)
    {
        const int o = 14; // after the letter's columns
        var reference = new Reference(
            ParseKind(r.GetString(o + 1)), NullableString(r, o + 3), r.GetString(o + 4), NullableString(r, o + 5), NullableString(r, o + 6),
            ReadDate(r, o + 7), r.GetString(o + 2), r.GetString(o + 9), NullableString(r, o + 8));
        return new Citation(ReadLetter(r), Int(r, o), reference);
    }

    private object? Date(DateOnly? date) => date is { } d ? database.DateValue(d) : null;

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static DateOnly? ReadDate(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => DateOnly.FromDateTime(d),
        DateOnly d => d,
        var other => throw new InvalidDataException($"Unexpected date value of type {other.GetType()}."),
    };

    private static string Kind(ReferenceKind kind) => kind.ToString().ToLowerInvariant();

    private static ReferenceKind ParseKind(string kind) => Enum.Parse<ReferenceKind>(kind, ignoreCase: true);
}
