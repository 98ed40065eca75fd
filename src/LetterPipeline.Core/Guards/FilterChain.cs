namespace LetterPipeline.Core.Guards;

internal enum FilterKind
{
    Flate,
    Lzw,
    Ascii85,
    AsciiHex,
    RunLength,
    CcittFax,

    /// <summary>DCT, JPX, JBIG2: PdfPig names them but cannot decode them, and fails when asked to.</summary>
    Undecoded,
}

/// <summary>One filter of a stream and its decode parameters (empty when it has none).</summary>
internal sealed record FilterStep(FilterKind Kind, RawDictionary Parameters);

/// <summary>
/// A stream's filters in the order they decode, read as PdfPig reads them (<c>FilterProviderWithLookup</c>): /Filter,
/// or /F when there is none; a name, an array of names, or a reference to either; full names and their
/// abbreviations, matched exactly after the tokenizer has undone <c>#xx</c> escapes. Parameters come from /DP, else
/// /DecodeParms, by position.
/// </summary>
internal static class FilterChain
{
    /// <summary>Producers write one or two filters; a longer chain only makes the guard's work grow.</summary>
    public const int MaxFilters = 8;

    private static readonly RawDictionary NoParameters = new([]);

    private static readonly Dictionary<string, FilterKind> Names = new(StringComparer.Ordinal)
    {
        ["FlateDecode"] = FilterKind.Flate,
        ["Fl"] = FilterKind.Flate,
        ["LZWDecode"] = FilterKind.Lzw,
        ["LZW"] = FilterKind.Lzw,
        ["ASCII85Decode"] = FilterKind.Ascii85,
        ["A85"] = FilterKind.Ascii85,
        ["ASCIIHexDecode"] = FilterKind.AsciiHex,
        ["AHx"] = FilterKind.AsciiHex,
        ["RunLengthDecode"] = FilterKind.RunLength,
        ["RL"] = FilterKind.RunLength,
        ["CCITTFaxDecode"] = FilterKind.CcittFax,
        ["CCF"] = FilterKind.CcittFax,
        ["DCTDecode"] = FilterKind.Undecoded,
        ["DCT"] = FilterKind.Undecoded,
        ["JPXDecode"] = FilterKind.Undecoded,
        ["JBIG2Decode"] = FilterKind.Undecoded,
    };

    /// <summary>
    /// The filters of <paramref name="stream"/>; empty when it has none or when PdfPig would refuse the chain before
    /// decoding anything (an unknown filter name such as /Crypt, an element that is not a name).
    /// </summary>
    public static IReadOnlyList<FilterStep> Of(RawDictionary stream, RawObjectIndex index, int at)
    {
        var filter = stream.First("Filter", "F");
        if (filter is RawReference)
        {
            filter = index.Resolve(filter);
        }

        var names = filter switch
        {
            RawName name => [name],
            RawArray array when array.Items.All(i => i is RawName) => array.Items.Cast<RawName>().ToList(),
            _ => [],
        };
        if (names.Count > MaxFilters)
        {
            throw new LetterFormatException(FailureCode.Corrupt,
                $"The stream at byte {at} has {names.Count} filters; more than {MaxFilters} are not read.", "guard");
        }

        var kinds = names.Select(n => Names.TryGetValue(n.Value, out var kind) ? kind : (FilterKind?)null).ToList();
        if (kinds.Any(k => k is null))
        {
            return [];
        }

        var parameters = stream.First("DP", "DecodeParms");
        return [.. kinds.Select((kind, i) => new FilterStep(kind!.Value, ParametersAt(filter!, parameters, i)))];
    }

    private static RawDictionary ParametersAt(RawValue filter, RawValue? parameters, int index) => (filter, parameters) switch
    {
        (RawName, RawDictionary single) => single,
        (RawArray, RawArray list) when index < list.Items.Count && list.Items[index] is RawDictionary one => one,
        _ => NoParameters,
    };
}
