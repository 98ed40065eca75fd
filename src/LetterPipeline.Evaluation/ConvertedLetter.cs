using System.Text.Json;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Reading;

namespace LetterPipeline.Evaluation;

/// <summary>
/// A <c>convert</c> output as the metrics read it: the <see cref="Core.Model.Letter"/>, and the letterhead and
/// Kamerstuk header fields score_real.py scores that the model does not carry. Those are read from the JSON by
/// name, so they are scored as soon as the JSON has them, and score as missing until then.
/// </summary>
internal sealed record ConvertedLetter(Letter Letter, HeaderFields Header)
{
    /// <summary>What a missing or unreadable output is scored as: a letter with nothing in it.</summary>
    public static ConvertedLetter Empty { get; } =
        new(new Letter(new SourceInfo("", "", 0), null, null, null, [], [], []), new HeaderFields(null, null, null, null));

    /// <summary>Reads <paramref name="path"/>; null when it is missing or not a letter's JSON (an error file, or nothing).</summary>
    public static ConvertedLetter? Read(string path)
    {
        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            var letter = JsonLetterReader.Read(new MemoryStream(json));
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var letterhead = Member(root, "letterhead");
            var kamerstuk = Member(root, "kamerstuk");
            return new ConvertedLetter(letter, new HeaderFields(
                Text(letterhead, "subject"), Text(letterhead, "reference"), Text(kamerstuk, "dossierTitle"), Text(kamerstuk, "documentKind")));
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Member(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? Text(JsonElement? e, string name) =>
        e is { } parent && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>The letterhead's Betreft and Kenmerk, the Kamerstuk's dossier title and document kind; null when the output has none.</summary>
internal sealed record HeaderFields(string? Subject, string? Reference, string? DossierTitle, string? DocumentKind);
