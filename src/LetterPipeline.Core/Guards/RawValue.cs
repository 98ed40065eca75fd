namespace LetterPipeline.Core.Guards;

/// <summary>
/// A PDF object as far as the guard needs it: names, integers, references, arrays and dictionaries. Strings, reals,
/// booleans and null are kept only as <see cref="RawOther"/>, so an array keeps its positions (a filter's parameters
/// are found by position).
/// </summary>
internal abstract record RawValue;

internal sealed record RawName(string Value) : RawValue;

internal sealed record RawInteger(long Value) : RawValue
{
    private static readonly RawInteger[] Small = [.. Enumerable.Range(0, 1024).Select(i => new RawInteger(i))];

    // Arrays of small numbers (widths, boxes) are common: share their values instead of allocating one each.
    public static RawInteger Of(long value) => value is >= 0 and < 1024 ? Small[value] : new RawInteger(value);
}

internal sealed record RawReference(int Number) : RawValue;

internal sealed record RawArray(List<RawValue> Items) : RawValue;

internal sealed record RawDictionary(Dictionary<string, RawValue> Entries) : RawValue
{
    public RawValue? this[string key] => Entries.GetValueOrDefault(key);

    /// <summary>The value under <paramref name="key"/>, else under <paramref name="alternative"/>, as PdfPig's <c>GetObjectOrDefault(first, second)</c>.</summary>
    public RawValue? First(string key, string alternative) => this[key] ?? this[alternative];

    public string? NameOf(string key) => (this[key] as RawName)?.Value;

    public long? IntegerOf(string key) => (this[key] as RawInteger)?.Value;
}

internal sealed record RawOther : RawValue
{
    public static RawOther Instance { get; } = new();
}
