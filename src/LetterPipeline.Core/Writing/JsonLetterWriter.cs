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

    /// <inheritdoc/>
    public string Format => "json";

    /// <inheritdoc/>
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
        w.WriteString("kind", Kind(letter.Kind));
        w.WriteString("publicationId", letter.PublicationId);
        w.WriteString("title", letter.Title);
        WriteIdentity(w, letter.Kamerstuk);
        WriteLetterhead(w, letter.Letterhead);
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
        WriteQuestions(w, letter.Questions);

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
    /// <param name="w">The writer, positioned where a value may go.</param>
    /// <param name="reference">The reference to write.</param>
    public static void WriteReference(Utf8JsonWriter w, Reference reference)
    {
        w.WriteStartObject();
        w.WriteString("kind", reference.Kind.ToString().ToLowerInvariant());
        w.WriteString("dossier", reference.Dossier);
        w.WriteString("number", reference.Number);
        w.WriteString("vergaderjaar", reference.Vergaderjaar);
        w.WriteString("item", reference.Item);
        if (reference.Year is { } year)
        {
            w.WriteNumber("year", year);
        }
        else
        {
            w.WriteNull("year");
        }

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

    private static void WriteQuestions(Utf8JsonWriter w, QuestionSet? questions)
    {
        if (questions is null)
        {
            w.WriteNull("questions");
            return;
        }

        w.WriteStartObject("questions");
        WriteStrings(w, "askedBy", questions.AskedBy);
        WriteStrings(w, "addressedTo", questions.AddressedTo);
        w.WriteString("subject", questions.Subject);
        WriteDate(w, "submitted", questions.Submitted);
        w.WriteString("answeredBy", questions.AnsweredBy);
        WriteDate(w, "received", questions.Received);
        w.WriteStartArray("items");
        foreach (var item in questions.Items)
        {
            w.WriteStartObject();
            WriteStrings(w, "numbers", item.Numbers);
            w.WriteString("question", item.Question);
            w.WriteString("answer", item.Answer);
            WriteStrings(w, "footnotes", item.Footnotes);
            w.WriteStartArray("markers");
            foreach (var marker in item.Markers)
            {
                w.WriteStartObject();
                w.WriteString("number", marker.Number);
                w.WriteNumber("offset", marker.Offset);
                w.WriteString("in", marker.Part == QuestionPart.Question ? "question" : "answer");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteQuality(Utf8JsonWriter w, LetterQuality quality)
    {
        w.WriteStartObject("quality");
        WriteStrings(w, "flags", quality.Flags);
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
        w.WriteString("dossierTitle", identity.DossierTitle);
        w.WriteString("documentKind", identity.DocumentKind);
        w.WriteEndObject();
    }

    private static void WriteLetterhead(Utf8JsonWriter w, Letterhead? letterhead)
    {
        if (letterhead is null)
        {
            w.WriteNull("letterhead");
            return;
        }

        w.WriteStartObject("letterhead");
        w.WriteString("sender", letterhead.Sender);
        w.WriteString("addressee", letterhead.Addressee);
        w.WriteString("subject", letterhead.Subject);
        w.WriteString("reference", letterhead.Reference);
        w.WriteString("yourReference", letterhead.YourReference);
        w.WriteString("attachments", letterhead.Attachments);
        w.WriteString("contact", letterhead.Contact);
        w.WriteEndObject();
    }

    /// <summary>The JSON name of a document kind: "letter", "kamerstuk", "aanhangsel", "other".</summary>
    public static string Kind(LetterKind kind) => kind.ToString().ToLowerInvariant();

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
