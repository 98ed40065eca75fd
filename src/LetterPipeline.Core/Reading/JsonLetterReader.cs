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
            return new Letter(
                new SourceInfo(Required(source, "file"), Required(source, "sha256"), source.GetProperty("pages").GetInt32()),
                String(root, "title"),
                Identity(root.GetProperty("kamerstuk")),
                root.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String
                    ? DateOnly.ParseExact(date.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : null,
                root.GetProperty("sections").EnumerateArray().Select(Section).ToArray(),
                root.GetProperty("footnotes").EnumerateArray().Select(Footnote).ToArray(),
                root.GetProperty("references").EnumerateArray().Select(Reference).ToArray())
            {
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
        : new LetterIdentity(Required(e, "dossier"), Required(e, "number"), String(e, "vergaderjaar"), Date(e, "date"));

    private static Section Section(JsonElement e) => new(
        e.GetProperty("level").GetInt32(),
        String(e, "heading"),
        e.GetProperty("paragraphs").EnumerateArray().Select(Paragraph).ToArray())
    {
        HeadingMarkers = Markers(e, "headingMarkers"),
    };

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
