namespace LetterPipeline.Tracking;

/// <summary>
/// A column: its JSON/CSV name, its heading in a terminal table, whether it holds numbers (right-aligned, JSON
/// numbers), and whether it is a detail (URL, hash) that JSON and CSV carry but a terminal table leaves out.
/// </summary>
internal sealed record Column(string Name, string Heading, bool Numeric = false, bool Detail = false);

/// <summary>Rows of a <c>refs</c> answer, in a shape every output format can write. Cells are strings, numbers or null.</summary>
internal sealed record ResultTable(string Title, IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>The output formats of the <c>refs</c> commands.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,
}

/// <summary>How CSV is written: the field separator (',' by RFC 4180, ';' for Dutch Excel) and whether a UTF-8 byte order mark starts it.</summary>
internal sealed record CsvStyle(char Delimiter = ',', bool ByteOrderMark = false)
{
    public static readonly CsvStyle Standard = new();
}
