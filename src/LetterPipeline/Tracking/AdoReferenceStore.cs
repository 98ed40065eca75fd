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
        "l.sha256, l.file, l.title, l.kamerstuk_id, l.letter_date, l.pages, l.pipeline_version, l.converted_at, l.reference_count, l.kind, l.publication_id";

    private const string ReferenceColumns =
        "r.position, r.kind, r.reference_id, r.dossier, r.number, r.vergaderjaar, r.item, r.reference_date, r.footnote, r.printed_text";

    private const string CitationsFrom = "FROM letter_references r JOIN letters l ON l.sha256 = r.letter_sha256";

    public Task MigrateAsync(CancellationToken cancellationToken) => database.MigrateAsync(TrackingMigrations.Schema, cancellationToken);

    public async Task<bool> RecordAsync(Letter letter, string pipelineVersion, DateTimeOffset convertedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);

        // The upsert locks the letter's row first, so two writers of the same letter run one after the other;
        // it changes nothing (0 rows) when this content is already recorded under this pipeline version.
        await using var upsert = SqlCommands.Command(connection, transaction, """
            INSERT INTO letters (sha256, file, title, kamerstuk_id, letter_date, pages, pipeline_version, converted_at, reference_count, kind, publication_id)
            VALUES (@sha, @file, @title, @kamerstuk, @date, @pages, @version, @at, @count, @kind, @publication)
            ON CONFLICT (sha256) DO UPDATE SET
                file = excluded.file, title = excluded.title, kamerstuk_id = excluded.kamerstuk_id, letter_date = excluded.letter_date,
                pages = excluded.pages, pipeline_version = excluded.pipeline_version, converted_at = excluded.converted_at,
                reference_count = excluded.reference_count, kind = excluded.kind, publication_id = excluded.publication_id
            WHERE letters.pipeline_version <> excluded.pipeline_version;
            """,
            ("@sha", letter.Source.Sha256), ("@file", letter.Source.File), ("@title", letter.Title),
            ("@kamerstuk", letter.Kamerstuk?.Id), ("@date", Date(letter.Date)), ("@pages", letter.Source.Pages),
            ("@version", pipelineVersion), ("@at", database.TimeValue(convertedAt)), ("@count", letter.References.Count),
            ("@kind", JsonLetterWriter.Kind(letter.Kind)), ("@publication", letter.PublicationId));
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

        await transaction.CommitAsync(cancellationToken);
        return true;
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
                WHERE e.reference_id = r.reference_id AND {earlier})
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

        if (query.Since is not null)
        {
            conditions.Add("l.letter_date >= @since");
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        var limit = query.Limit is { } n ? $"LIMIT {n.ToString(CultureInfo.InvariantCulture)}" : "";
        return ReadAsync($"""
            SELECT r.reference_id, MIN(r.kind), MIN(r.dossier), MIN(r.number), MAX(r.reference_date),
                   COUNT(*), COUNT(DISTINCT r.letter_sha256), MIN(l.letter_date), MAX(l.letter_date)
            {CitationsFrom} {where}
            GROUP BY r.reference_id
            ORDER BY COUNT(DISTINCT r.letter_sha256) DESC, COUNT(*) DESC, {database.Ordinal("r.reference_id")}
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
            SELECT r.dossier, {database.Month("l.letter_date")} AS month, COUNT(*), COUNT(DISTINCT r.letter_sha256)
            {CitationsFrom} {where}
            GROUP BY r.dossier, month
            ORDER BY {database.Ordinal("r.dossier")}, month NULLS LAST;
            """, r => new MonthCount(r.GetString(0), NullableString(r, 1), Int(r, 2), Int(r, 3)),
            cancellationToken, ("@dossier", dossier));
    }

    public Task<IReadOnlyList<DossierCount>> DossiersAsync(CancellationToken cancellationToken) =>
        ReadAsync($"""
            SELECT r.dossier, COUNT(*), COUNT(DISTINCT r.letter_sha256), COUNT(DISTINCT r.reference_id)
            {CitationsFrom} WHERE r.dossier IS NOT NULL
            GROUP BY r.dossier
            ORDER BY COUNT(*) DESC, COUNT(DISTINCT r.letter_sha256) DESC, {database.Ordinal("r.dossier")};
            """, r => new DossierCount(r.GetString(0), Int(r, 1), Int(r, 2), Int(r, 3)), cancellationToken);

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
        NullableString(r, 9), NullableString(r, 10));

    private Citation ReadCitation(DbDataReader r)
    {
        const int o = 11; // after the letter's columns
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
