using System.Globalization;
using System.Text.Json;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Reading;

/// <summary>
/// Reads the JSON contract written by <see cref="Writing.JsonLetterWriter"/> back into a <see cref="Letter"/>.
/// The worker uses it to record a letter its child process has just written, without converting it twice.
/// </summary>
public static class JsonLetterReader
{
    /// <summary>Reads the letter in <paramref name="json"/>.</summary>
    /// <param name="json">A stream holding the JSON contract; it is read, not closed.</param>
    /// <returns>The letter.</returns>
    /// <exception cref="InvalidDataException">The JSON is not a letter of a schema version this reader knows.</exception>
    public static Letter Read(Stream json)
    {
        using var document = ParseDocument(json);
        var root = document.RootElement;
        var version = root.TryGetProperty("schemaVersion", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
        if (version != Letter.CurrentSchemaVersion)
        {
            throw new InvalidDataException($"Letter JSON has schemaVersion {version}; this reader knows {Letter.CurrentSchemaVersion}.");
        }

        try
        {
            var source = root.GetProperty("source");
            var sourceInfo = new SourceInfo(Required(source, "file"), Required(source, "sha256"), source.GetProperty("pages").GetInt32());
            var kamerstuk = Identity(root.GetProperty("kamerstuk"));
            return new Letter(
                sourceInfo,
                String(root, "title"),
                kamerstuk,
                root.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String
                    ? DateOnly.ParseExact(date.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : null,
                root.GetProperty("sections").EnumerateArray().Select(Section).ToArray(),
                root.GetProperty("footnotes").EnumerateArray().Select(Footnote).ToArray(),
                root.GetProperty("references").EnumerateArray().Select(Reference).ToArray(),
                Kind(root, kamerstuk),
                String(root, "publicationId"),
                root.TryGetProperty("letterhead", out var letterhead) ? Letterhead(letterhead) : null)
            {
                Questions = root.TryGetProperty("questions", out var questions) && questions.ValueKind == JsonValueKind.Object ? Questions(questions) : null,
                TitleMarkers = Markers(root, "titleMarkers"),
                Furniture = Items(root, "furniture").Select(f => new FurnitureLine(f.GetProperty("page").GetInt32(), Required(f, "kind"), Required(f, "text"))).ToArray(),
                Quality = root.TryGetProperty("quality", out var quality) && quality.ValueKind == JsonValueKind.Object ? Quality(quality) : Model.Quality.Unknown,
            };
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"Letter JSON does not follow the contract: {ex.Message}", ex);
        }
    }

    /// <summary>Reads the letter in the JSON file at <paramref name="path"/>.</summary>
    /// <param name="path">The path of a file holding the JSON contract.</param>
    /// <returns>The letter.</returns>
    /// <exception cref="InvalidDataException">The JSON is not a letter of a schema version this reader knows.</exception>
    public static Letter Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    private static JsonDocument ParseDocument(Stream json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Letter JSON is not valid JSON: {ex.Message}", ex);
        }
    }

    private static LetterIdentity? Identity(JsonElement e) => e.ValueKind == JsonValueKind.Null
        ? null
        : new LetterIdentity(Required(e, "dossier"), Required(e, "number"), String(e, "vergaderjaar"), Date(e, "date"),
            String(e, "dossierTitle"), String(e, "documentKind"));

    /// <summary>
    /// The document's kind; JSON written before converter 1.2 has none: a letter with a Kamerstuk identity was a
    /// Kamerstuk, anything else is read as other.
    /// </summary>
    private static LetterKind Kind(JsonElement root, LetterIdentity? kamerstuk) =>
        String(root, "kind") is { } kind ? Enum.Parse<LetterKind>(kind, ignoreCase: true)
        : kamerstuk is not null ? LetterKind.Kamerstuk
        : LetterKind.Other;

    private static Letterhead? Letterhead(JsonElement e) => e.ValueKind == JsonValueKind.Null
        ? null
        : new Letterhead(String(e, "sender"), String(e, "addressee"), String(e, "subject"), String(e, "reference"),
            String(e, "yourReference"), String(e, "attachments"), String(e, "contact"));

    private static Section Section(JsonElement e) => new(
        e.GetProperty("level").GetInt32(),
        String(e, "heading"),
        e.GetProperty("paragraphs").EnumerateArray().Select(Paragraph).ToArray())
    {
        HeadingMarkers = Markers(e, "headingMarkers"),
    };

    private static QuestionSet Questions(JsonElement e) => new(
        Strings(e, "askedBy"),
        Strings(e, "addressedTo"),
        String(e, "subject"),
        Date(e, "submitted"),
        String(e, "answeredBy"),
        Date(e, "received"),
        e.GetProperty("items").EnumerateArray().Select(QuestionItem).ToArray());

    private static QuestionItem QuestionItem(JsonElement e) => new(
        Strings(e, "numbers"),
        Required(e, "question"),
        Required(e, "answer"),
        e.GetProperty("markers").EnumerateArray()
            .Select(m => new QuestionMarker(Required(m, "number"), m.GetProperty("offset").GetInt32(),
                Required(m, "in") == "answer" ? QuestionPart.Answer : QuestionPart.Question))
            .ToArray());

    /// <summary>The <c>quality</c> object; files written before converter 1.3 lack it and read as text-layer letters.</summary>
    private static string[] Strings(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(v => v.GetString() ?? throw new InvalidDataException($"Letter JSON has a null in '{name}'.")).ToArray();

    private static Paragraph Paragraph(JsonElement e) => new(
        Required(e, "text"),
        e.GetProperty("markers").EnumerateArray().Select(Marker).ToArray(),
        e.GetProperty("listItem").GetBoolean())
    {
        Table = e.TryGetProperty("table", out var table) && table.ValueKind == JsonValueKind.Array
            ? table.EnumerateArray().Select(row => (IReadOnlyList<string>)row.EnumerateArray().Select(c => c.GetString() ?? "").ToArray()).ToArray()
            : null,
        Styles = Items(e, "styles").Select(s => new InlineStyle(s.GetProperty("start").GetInt32(), s.GetProperty("length").GetInt32(), Required(s, "style"))).ToArray(),
    };

    private static Quality Quality(JsonElement e) => new(
        e.GetProperty("coverage").GetDouble(),
        Items(e, "warnings").Select(w => new QualityWarning(w.GetProperty("page").GetInt32(), Required(w, "code"), Required(w, "message"))).ToArray(),
        Items(e, "flags").Select(f => f.GetString() ?? "").ToArray(),
        String(e, "textSource") ?? TextSources.TextLayer);

    /// <summary>The items of an optional array: files written before it existed have none.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
        e.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    /// <summary>The markers in an optional array: files written before titles and headings kept theirs have none.</summary>
    private static FootnoteMarker[] Markers(JsonElement e, string name) =>
        e.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select(Marker).ToArray() : [];

    private static FootnoteMarker Marker(JsonElement m) => new(Required(m, "number"), m.GetProperty("offset").GetInt32());

    private static Footnote Footnote(JsonElement e) => new(
        Required(e, "number"),
        Required(e, "text"),
        e.GetProperty("page").GetInt32(),
        e.GetProperty("references").EnumerateArray().Select(Reference).ToArray());

    private static Reference Reference(JsonElement e) => new(
        Enum.Parse<ReferenceKind>(Required(e, "kind"), ignoreCase: true),
        String(e, "dossier"),
        Required(e, "number"),
        String(e, "vergaderjaar"),
        String(e, "item"),
        Date(e, "date"),
        Required(e, "id"),
        Required(e, "text"),
        String(e, "footnote"));

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private static string Required(JsonElement e, string name) =>
        String(e, name) ?? throw new InvalidDataException($"Letter JSON lacks the required string '{name}'.");

    private static DateOnly? Date(JsonElement e, string name) =>
        String(e, name) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
