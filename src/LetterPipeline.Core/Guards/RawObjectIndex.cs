namespace LetterPipeline.Core.Guards;

/// <summary>One definition of an indirect object: "12 0 obj … endobj" in the file, or an entry of an object stream.</summary>
internal sealed record RawObject(int Number, RawValue Value);

/// <summary>A stream in the file: its object number, dictionary, and where its data lies (<see cref="DataEnd"/> exclusive).</summary>
internal sealed record RawStream(int Number, RawDictionary Dictionary, int DataStart, int DataEnd);

/// <summary>
/// Every object the file defines, found the way PdfPig's lenient parser finds them when the cross-reference table
/// cannot be trusted: by their "N G obj" headers. Each object is read from its own header, so an object whose
/// string never closes cannot hide the objects after it (PdfPig reads each from its own offset too). Objects inside
/// object streams are added once those are decoded.
/// </summary>
internal sealed class RawObjectIndex
{
    // Objects read from every header overlap only in hostile files; past this much reading the guard stops.
    private const int WorkFactor = 4;
    private const int WorkAllowance = 1 << 20;

    private readonly Dictionary<int, RawValue> latest = [];
    private readonly Stack<(RawValue Container, string? PendingKey)> open = new();
    private long work;
    private long readable;

    private RawObjectIndex()
    {
    }

    public List<RawObject> Objects { get; } = [];

    public List<RawStream> Streams { get; } = [];

    /// <summary>The value a reference points to (the last definition of its object), or the value itself.</summary>
    public RawValue? Resolve(RawValue? value) => value is RawReference r ? latest.GetValueOrDefault(r.Number) : value;

    public static RawObjectIndex Scan(byte[] pdf)
    {
        var index = new RawObjectIndex { readable = pdf.Length };
        var pending = new List<(int Number, RawDictionary Dictionary, int DataStart)>();
        ReadOnlySpan<byte> bytes = pdf;
        for (var at = bytes.IndexOf("obj"u8); at >= 0;)
        {
            if (Header(bytes, at) is { } number)
            {
                var tokens = new PdfTokenizer(bytes, at + 3);
                var value = RawValueReader.Read(ref tokens, index.open) ?? RawOther.Instance;
                index.Add(number, value);
                if (value is RawDictionary dictionary && tokens.Next() == PdfTokenKind.Keyword && tokens.IsKeyword("stream"u8))
                {
                    pending.Add((number, dictionary, DataStart(bytes, tokens.Position)));
                }

                index.Charge(tokens.Position - at);
            }

            var next = bytes[(at + 3)..].IndexOf("obj"u8);
            at = next < 0 ? -1 : at + 3 + next;
        }

        // A stream's /Length may refer to an object defined after it: ends are found once every object is known.
        foreach (var (number, dictionary, start) in pending)
        {
            index.Streams.Add(new RawStream(number, dictionary, start, index.DataEnd(bytes, dictionary, start)));
        }

        return index;
    }

    /// <summary>Adds the objects of a decoded object stream (/Type /ObjStm): /N pairs "number offset", objects from /First on.</summary>
    public void AddObjectStream(RawDictionary dictionary, ReadOnlySpan<byte> decoded)
    {
        readable += decoded.Length;
        var count = dictionary.IntegerOf("N") ?? 0;
        var first = dictionary.IntegerOf("First") ?? 0;
        var tokens = new PdfTokenizer(decoded, 0);
        var entries = new List<(long Number, long Offset)>();
        while (entries.Count < count && tokens.Next() == PdfTokenKind.Integer)
        {
            var number = tokens.Integer;
            if (tokens.Next() != PdfTokenKind.Integer)
            {
                break;
            }

            entries.Add((number, tokens.Integer));
        }

        foreach (var (number, offset) in entries)
        {
            var start = first + offset;
            if (number is < 0 or > int.MaxValue || start < 0 || start >= decoded.Length)
            {
                continue;
            }

            var reader = new PdfTokenizer(decoded, (int)start);
            Add((int)number, RawValueReader.Read(ref reader, open) ?? RawOther.Instance);
            Charge(reader.Position - start);
        }
    }

    private void Add(int number, RawValue value)
    {
        Objects.Add(new RawObject(number, value));
        latest[number] = value;
    }

    private void Charge(long read)
    {
        work += read;
        if (work > (WorkFactor * readable) + WorkAllowance)
        {
            throw new LetterFormatException(FailureCode.Corrupt,
                "The file's objects overlap each other many times over (objects inside unclosed strings?); it is not read.", "guard");
        }
    }

    /// <summary>The object number when "obj" at <paramref name="at"/> ends a header "N G obj" standing on its own.</summary>
    private static int? Header(ReadOnlySpan<byte> bytes, int at)
    {
        var after = at + 3;
        if (after < bytes.Length && !PdfTokenizer.IsWhiteSpace(bytes[after]) && !PdfTokenizer.IsDelimiter(bytes[after]))
        {
            return null;
        }

        var i = at - 1;
        if (!SkipBack(bytes, ref i, PdfTokenizer.IsWhiteSpace) || !SkipBack(bytes, ref i, IsDigit)
            || !SkipBack(bytes, ref i, PdfTokenizer.IsWhiteSpace))
        {
            return null;
        }

        var numberEnd = i + 1;
        if (!SkipBack(bytes, ref i, IsDigit) || (i >= 0 && !PdfTokenizer.IsWhiteSpace(bytes[i]) && !PdfTokenizer.IsDelimiter(bytes[i])))
        {
            return null;
        }

        return int.TryParse(bytes[(i + 1)..numberEnd], out var number) ? number : null;
    }

    /// <summary>Steps back over at least one byte matching <paramref name="match"/>.</summary>
    private static bool SkipBack(ReadOnlySpan<byte> bytes, ref int i, Func<byte, bool> match)
    {
        var from = i;
        while (i >= 0 && match(bytes[i]))
        {
            i--;
        }

        return i < from;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>The data begins after the end of line that follows "stream" (§7.3.8.1; a lone CR is tolerated).</summary>
    private static int DataStart(ReadOnlySpan<byte> bytes, int afterKeyword)
    {
        var start = afterKeyword;
        if (start < bytes.Length && bytes[start] == '\r')
        {
            start++;
        }

        if (start < bytes.Length && bytes[start] == '\n')
        {
            start++;
        }

        return start;
    }

    /// <summary>
    /// Where the data ends: after /Length bytes when "endstream" follows there, as PdfPig checks; otherwise at the
    /// first "endstream" (without the end of line before it), or the end of the file.
    /// </summary>
    private int DataEnd(ReadOnlySpan<byte> bytes, RawDictionary dictionary, int start)
    {
        if (Resolve(dictionary["Length"]) is RawInteger { Value: >= 0 } length && length.Value <= bytes.Length - start)
        {
            var end = start + (int)length.Value;
            var after = end;
            while (after < bytes.Length && PdfTokenizer.IsWhiteSpace(bytes[after]))
            {
                after++;
            }

            if (bytes[after..].StartsWith("endstream"u8))
            {
                return end;
            }
        }

        var found = bytes[start..].IndexOf("endstream"u8);
        if (found < 0)
        {
            return bytes.Length;
        }

        var dataEnd = start + found;
        if (dataEnd > start && bytes[dataEnd - 1] == '\n')
        {
            dataEnd--;
        }

        if (dataEnd > start && bytes[dataEnd - 1] == '\r')
        {
            dataEnd--;
        }

        return dataEnd;
    }
}
