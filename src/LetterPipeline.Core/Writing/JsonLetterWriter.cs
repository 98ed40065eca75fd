using System.Text.Encodings.Web;
using System.Text.Json;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Writing;

/// <summary>Writes the published JSON contract (docs/letter.schema.json) with a streaming writer.</summary>
public sealed class JsonLetterWriter : ILetterWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Letters are Dutch text; keep "ï" and "’" readable instead of \u escapes. Still valid, escaped JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "json";

    public void Write(Letter letter, Stream destination)
    {
        using var w = new Utf8JsonWriter(destination, Options);
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", Letter.CurrentSchemaVersion);
        w.WriteStartObject("source");
        w.WriteString("file", letter.Source.File);
        w.WriteString("sha256", letter.Source.Sha256);
        w.WriteNumber("pages", letter.Source.Pages);
        w.WriteEndObject();
        w.WriteString("title", letter.Title);
        WriteIdentity(w, letter.Kamerstuk);
        WriteDate(w, "date", letter.Date);

        w.WriteStartArray("sections");
        foreach (var section in letter.Sections)
        {
            w.WriteStartObject();
            w.WriteNumber("level", section.Level);
            w.WriteString("heading", section.Heading);
            w.WriteStartArray("paragraphs");
            foreach (var paragraph in section.Paragraphs)
            {
                WriteParagraph(w, paragraph);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("footnotes");
        foreach (var footnote in letter.Footnotes)
        {
            w.WriteStartObject();
            w.WriteString("number", footnote.Number);
            w.WriteString("text", footnote.Text);
            w.WriteNumber("page", footnote.Page);
            w.WriteStartArray("references");
            foreach (var reference in footnote.References)
            {
                WriteReference(w, reference);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("references");
        foreach (var reference in letter.References)
        {
            WriteReference(w, reference);
        }

        w.WriteEndArray();
        WriteQuality(w, letter.Quality);
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>Writes one reference object; shared with <c>refs parse</c> so both print the same shape.</summary>
    public static void WriteReference(Utf8JsonWriter w, Reference reference)
    {
        w.WriteStartObject();
        w.WriteString("kind", reference.Kind.ToString().ToLowerInvariant());
        w.WriteString("dossier", reference.Dossier);
        w.WriteString("number", reference.Number);
        w.WriteString("vergaderjaar", reference.Vergaderjaar);
        w.WriteString("item", reference.Item);
        WriteDate(w, "date", reference.Date);
        w.WriteString("id", reference.Id);
        w.WriteString("url", reference.Url);
        w.WriteString("text", reference.Text);
        w.WriteString("footnote", reference.Footnote);
        w.WriteEndObject();
    }

    private static void WriteParagraph(Utf8JsonWriter w, Paragraph paragraph)
    {
        w.WriteStartObject();
        w.WriteString("text", paragraph.Text);
        w.WriteStartArray("footnotes");
        foreach (var marker in paragraph.Markers)
        {
            w.WriteStringValue(marker.Number);
        }

        w.WriteEndArray();
        w.WriteStartArray("markers");
        foreach (var marker in paragraph.Markers)
        {
            w.WriteStartObject();
            w.WriteString("number", marker.Number);
            w.WriteNumber("offset", marker.Offset);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteBoolean("listItem", paragraph.ListItem);
        w.WriteEndObject();
    }

    private static void WriteQuality(Utf8JsonWriter w, LetterQuality quality)
    {
        w.WriteStartObject("quality");
        w.WriteStartArray("flags");
        foreach (var flag in quality.Flags)
        {
            w.WriteStringValue(flag);
        }

        w.WriteEndArray();
        w.WriteString("textSource", quality.TextSource.ToCode());
        w.WriteEndObject();
    }

    private static void WriteIdentity(Utf8JsonWriter w, LetterIdentity? identity)
    {
        if (identity is null)
        {
            w.WriteNull("kamerstuk");
            return;
        }

        w.WriteStartObject("kamerstuk");
        w.WriteString("dossier", identity.Dossier);
        w.WriteString("number", identity.Number);
        w.WriteString("vergaderjaar", identity.Vergaderjaar);
        WriteDate(w, "date", identity.Date);
        w.WriteString("id", identity.Id);
        w.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
