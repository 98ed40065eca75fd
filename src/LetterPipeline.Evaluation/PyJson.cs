using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace LetterPipeline.Evaluation;

/// <summary>
/// JSON read and written the way Python's <c>json</c> module does, so the scorer sees the same values as
/// score.py: objects become insertion-ordered dictionaries (a repeated key keeps its first position and its
/// last value), integers are unbounded, numbers with a fraction or exponent are doubles.
/// </summary>
internal static class PyJson
{
    /// <summary>Parses UTF-8 JSON; throws <see cref="JsonException"/> where Python's <c>json.load</c> raises.</summary>
    public static object? Parse(ReadOnlyMemory<byte> utf8)
    {
        // Python opens the file as "utf-8", not "utf-8-sig": a BOM is an error to json.loads.
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            throw new JsonException("Unexpected UTF-8 BOM.");
        }

        using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 1000 });
        return Convert(document.RootElement);
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => ConvertNumber(element.GetRawText()),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.Object => ConvertObject(element),
        _ => throw new JsonException($"Unexpected JSON value kind {element.ValueKind}."),
    };

    private static object ConvertNumber(string raw) =>
        raw.AsSpan().IndexOfAny(".eE") < 0
            ? BigInteger.Parse(raw, CultureInfo.InvariantCulture)
            : double.Parse(raw, CultureInfo.InvariantCulture);

    private static OrderedDictionary<string, object?> ConvertObject(JsonElement element)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = Convert(property.Value);
        }

        return result;
    }

    /// <summary>
    /// <c>json.dumps(value, indent=indent)</c> for dictionaries of integers, doubles and dictionaries:
    /// the same separators, ASCII escaping and float formatting, so the two tools' output compares as text.
    /// </summary>
    public static string Dumps(object value, int? indent = null)
    {
        var sb = new StringBuilder();
        Write(sb, value, indent, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object value, int? indent, int depth)
    {
        switch (value)
        {
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case int i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(PyFloat.Repr(d));
                break;
            case string s:
                WriteString(sb, s);
                break;
            case IEnumerable<KeyValuePair<string, object>> dict:
                WriteObject(sb, dict.ToList(), indent, depth);
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} as JSON.", nameof(value));
        }
    }

    private static void WriteObject(StringBuilder sb, List<KeyValuePair<string, object>> items, int? indent, int depth)
    {
        if (items.Count == 0)
        {
            sb.Append("{}");
            return;
        }

        sb.Append('{');
        for (var n = 0; n < items.Count; n++)
        {
            if (indent is { } width)
            {
                sb.Append(n == 0 ? "" : ",").Append('\n').Append(' ', width * (depth + 1));
            }
            else if (n > 0)
            {
                sb.Append(", ");
            }

            WriteString(sb, items[n].Key);
            sb.Append(": ");
            Write(sb, items[n].Value, indent, depth + 1);
        }

        if (indent is { } w)
        {
            sb.Append('\n').Append(' ', w * depth);
        }

        sb.Append('}');
    }

    // ensure_ascii=True: everything outside printable ASCII becomes \uXXXX (UTF-16 units, as Python writes them).
    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
