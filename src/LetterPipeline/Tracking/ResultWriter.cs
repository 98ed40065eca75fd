using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LetterPipeline.Tracking;

/// <summary>Writes <see cref="ResultTable"/>s as a terminal table, JSON or CSV.</summary>
internal static class ResultWriter
{
    // Wider cells are cut with an ellipsis in a terminal; JSON and CSV always carry the whole text.
    private const int MaxCellWidth = 48;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // Same relaxed escaping as the letter JSON; still valid JSON, and every control character is escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes <paramref name="tables"/>. JSON: one array of objects, or an object of arrays keyed by
    /// <paramref name="keys"/> when there are several tables. CSV: one header and rows; several tables share
    /// one header, with a first column naming the table the row belongs to.
    /// </summary>
    public static void Write(TextWriter output, OutputFormat format, IReadOnlyList<ResultTable> tables, IReadOnlyList<string>? keys = null, CsvStyle? csv = null)
    {
        switch (format)
        {
            case OutputFormat.Json:
                WriteJson(output, tables, keys);
                break;
            case OutputFormat.Csv:
                WriteCsv(output, tables, keys, csv ?? CsvStyle.Standard);
                break;
            default:
                for (var i = 0; i < tables.Count; i++)
                {
                    if (i > 0)
                    {
                        output.WriteLine();
                    }

                    WriteTable(output, tables[i]);
                }

                break;
        }
    }

    private static void WriteTable(TextWriter output, ResultTable table)
    {
        output.WriteLine(Printable(table.Title));
        if (table.Rows.Count == 0)
        {
            output.WriteLine("  (none)");
            return;
        }

        var shown = Enumerable.Range(0, table.Columns.Count).Where(i => !table.Columns[i].Detail).ToArray();
        var columns = shown.Select(i => table.Columns[i]).ToArray();
        var cells = table.Rows.Select(row => shown.Select(i => TableCell(row[i])).ToArray()).ToArray();
        var widths = columns.Select((c, i) => Math.Max(c.Heading.Length, cells.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Row(columns.Select(c => c.Heading).ToArray(), columns, widths).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
        {
            output.WriteLine(Row(row, columns, widths).TrimEnd());
        }
    }

    private static string Row(string[] cells, Column[] columns, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => columns[i].Numeric ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])));

    private static string TableCell(object? value)
    {
        var text = Printable(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        return text.Length <= MaxCellWidth ? text : text[..(MaxCellWidth - 1)] + "…";
    }

    /// <summary>
    /// Text from a PDF shown in a terminal: control characters (an escape sequence can retitle or rewrite the
    /// terminal) and line breaks become spaces.
    /// </summary>
    public static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        return builder.ToString();
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<ResultTable> tables, IReadOnlyList<string>? keys)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            if (tables.Count == 1)
            {
                WriteArray(w, tables[0]);
            }
            else
            {
                w.WriteStartObject();
                for (var i = 0; i < tables.Count; i++)
                {
                    w.WritePropertyName(keys?[i] ?? tables[i].Title);
                    WriteArray(w, tables[i]);
                }

                w.WriteEndObject();
            }
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteArray(Utf8JsonWriter w, ResultTable table)
    {
        w.WriteStartArray();
        foreach (var row in table.Rows)
        {
            w.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                w.WritePropertyName(table.Columns[i].Name);
                switch (row[i])
                {
                    case null:
                        w.WriteNullValue();
                        break;
                    case int n:
                        w.WriteNumberValue(n);
                        break;
                    case long n:
                        w.WriteNumberValue(n);
                        break;
                    case var value:
                        w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteCsv(TextWriter output, IReadOnlyList<ResultTable> tables, IReadOnlyList<string>? keys, CsvStyle style)
    {
        if (style.ByteOrderMark)
        {
            output.Write('\uFEFF');
        }

        // RFC 4180 ends records with CRLF.
        if (tables.Count == 1)
        {
            output.Write(CsvCells.Line(tables[0].Columns.Select(c => (object?)c.Name), style.Delimiter) + "\r\n");
            foreach (var row in tables[0].Rows)
            {
                output.Write(CsvCells.Line(row, style.Delimiter) + "\r\n");
            }

            return;
        }

        var columns = tables.SelectMany(t => t.Columns.Select(c => c.Name)).Distinct().ToList();
        output.Write(CsvCells.Line(columns.Prepend("table").Cast<object?>(), style.Delimiter) + "\r\n");
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            foreach (var row in table.Rows)
            {
                var cells = columns.Select(name => table.Columns.ToList().FindIndex(c => c.Name == name) is var i and >= 0 ? row[i] : null);
                output.Write(CsvCells.Line(cells.Prepend(keys?[t] ?? table.Title), style.Delimiter) + "\r\n");
            }
        }
    }
}
