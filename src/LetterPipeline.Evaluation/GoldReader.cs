using System.Text.Json;

namespace LetterPipeline.Evaluation;

/// <summary>Reads a <c>NAME.gold.json</c> file (format: <c>docs/evaluation.md</c>). Keys it does not know are annotators' notes.</summary>
internal static class GoldReader
{
    /// <exception cref="InvalidDataException">The file is not JSON, or a field has the wrong type.</exception>
    public static GoldLetter Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return Letter(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"{path}: not a gold file: {ex.Message}", ex);
        }
    }

    public static GoldLetter Letter(JsonElement gold)
    {
        Expect(gold, JsonValueKind.Object, "the gold");
        return new GoldLetter(
            gold.TryGetProperty("partial", out var partial) && Flag(partial, "partial"),
            Text(gold, "title"),
            Text(gold, "date"),
            Object(gold, "letterhead") is { } letterhead ? new GoldLetterhead(Text(letterhead, "subject"), Text(letterhead, "reference")) : null,
            Text(gold, "dossierTitle"),
            Text(gold, "documentKind"),
            Object(gold, "kamerstuk") is { } kamerstuk ? new GoldKamerstuk(Text(kamerstuk, "dossier"), Text(kamerstuk, "number"), Text(kamerstuk, "date")) : null,
            gold.TryGetProperty("headings", out var headings) && headings.ValueKind != JsonValueKind.Null
                ? [.. List(gold, "headings").Select(h => new GoldHeading(Level(h), Text(h, "text")))]
                : null,
            [.. List(gold, "sections").Select(Section)],
            [.. List(gold, "footnotes").Select(Footnote)],
            [.. List(gold, "markers").Select(m => new GoldMarker(Number(m), Text(m, "after")))],
            Texts(gold, "furniture"),
            Texts(gold, "allowed_extra"));
    }

    private static GoldSection Section(JsonElement e) => new(
        Level(e),
        Text(e, "heading"),
        [.. List(e, "paragraphs").Select(p => new GoldParagraph(Text(p, "text"), Texts(p, "footnotes")))]);

    private static GoldFootnote Footnote(JsonElement e) => new(
        Number(e),
        Text(e, "text"),
        [.. List(e, "references").Select(r => new GoldReference(
            Text(r, "kind"), Text(r, "dossier"), Text(r, "number"), Text(r, "vergaderjaar"), Text(r, "item"), Text(r, "date")))]);

    private static int Level(JsonElement e) =>
        e.TryGetProperty("level", out var level) && level.ValueKind == JsonValueKind.Number && level.TryGetInt32(out var value)
            ? value
            : throw new InvalidDataException("'level' must be a whole number");

    private static string Number(JsonElement e) =>
        Text(e, "number") ?? throw new InvalidDataException("a footnote or marker lacks its 'number'");

    // A string, or null when the key is missing or null; anything else is not a text field.
    private static string? Text(JsonElement e, string name)
    {
        Expect(e, JsonValueKind.Object, $"the parent of '{name}'");
        if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Expect(value, JsonValueKind.String, $"'{name}'");
        return value.GetString();
    }

    private static IReadOnlyList<string> Texts(JsonElement e, string name) =>
        [.. List(e, name).Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new InvalidDataException($"'{name}' must list strings"))];

    private static IEnumerable<JsonElement> List(JsonElement e, string name)
    {
        Expect(e, JsonValueKind.Object, $"the parent of '{name}'");
        if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        Expect(value, JsonValueKind.Array, $"'{name}'");
        return value.EnumerateArray().ToList();
    }

    private static JsonElement? Object(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Expect(value, JsonValueKind.Object, $"'{name}'");
        return value;
    }

    private static bool Flag(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        _ => throw new InvalidDataException($"'{name}' must be true or false"),
    };

    private static void Expect(JsonElement value, JsonValueKind kind, string what)
    {
        if (value.ValueKind != kind)
        {
            throw new InvalidDataException($"{what} must be a JSON {kind.ToString().ToLowerInvariant()}, not {value.ValueKind.ToString().ToLowerInvariant()}");
        }
    }
}
