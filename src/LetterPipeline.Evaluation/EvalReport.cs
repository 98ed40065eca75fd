using System.Text;
using System.Text.Json;

namespace LetterPipeline.Evaluation;

/// <summary>A folder of outputs scored: the summary figures, and each document's counts in file-name order.</summary>
public sealed record EvalReport<TSummary>(TSummary Summary, IReadOnlyList<KeyValuePair<string, IReadOnlyList<Figure>>> Documents)
    where TSummary : IFigures
{
    /// <summary>The summary on one line, as the reference scripts print it: <c>{"docs": 8, "missing": 0, "title_acc": 1.0, …}</c>.</summary>
    public string SummaryLine() =>
        // The names are fixed ASCII identifiers, so no JSON escaping is needed.
        "{" + string.Join(", ", Summary.Figures.Select(f => $"\"{f.Name}\": {f.FormattedValue}")) + "}";

    /// <summary>Summary and per-document counts as one JSON document: <c>{"summary": {…}, "per_doc": {"NAME": {…}}}</c>.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WritePropertyName("summary");
            Write(w, Summary.Figures);
            w.WriteStartObject("per_doc");
            foreach (var (name, counts) in Documents)
            {
                w.WritePropertyName(name);
                Write(w, counts);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter w, IReadOnlyList<Figure> figures)
    {
        w.WriteStartObject();
        foreach (var f in figures)
        {
            w.WritePropertyName(f.Name);
            w.WriteRawValue(f.FormattedValue);
        }

        w.WriteEndObject();
    }
}
