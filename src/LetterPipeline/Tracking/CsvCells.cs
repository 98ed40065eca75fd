using System.Globalization;

namespace LetterPipeline.Tracking;

/// <summary>
/// CSV cells (RFC 4180) that a spreadsheet will not run. Letter text is untrusted: a cell starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is a formula to Excel and LibreOffice, so it gets
/// a leading apostrophe, as the OWASP "CSV Injection" guidance recommends, and is then quoted.
/// </summary>
internal static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Cell(object? value) => Cell(value, ',');

    /// <summary>The cell, quoted when it holds <paramref name="delimiter"/>, a quote or a line break.</summary>
    public static string Cell(object? value, char delimiter)
    {
        var text = value switch
        {
            null => "",
            // Numbers the program computed are data, never formulas: a count is not neutralised.
            int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            _ => Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };
        return text.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 || text.StartsWith('\'') ? Quote(text) : text;
    }

    public static string Line(IEnumerable<object?> values, char delimiter = ',') => string.Join(delimiter, values.Select(v => Cell(v, delimiter)));

    /// <summary>Prefixes an apostrophe to text a spreadsheet would read as a formula.</summary>
    public static string Neutralise(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
