using System.Collections.Frozen;
using System.Buffers;
using System.Text;

namespace LetterPipeline.Core.Guards;

/// <summary>The tokens the raw-byte guard tells apart. Strings and reals are skipped over, not decoded.</summary>
internal enum PdfTokenKind
{
    End,
    Integer,
    Real,
    Name,
    String,
    ArrayStart,
    ArrayEnd,
    DictionaryStart,
    DictionaryEnd,
    Keyword,
    Junk,
}

/// <summary>
/// The lexical rules of PDF (ISO 32000-1 §7.2) over raw bytes: white space, comments, delimiters, names with their
/// <c>#xx</c> escapes undone, numbers, literal and hexadecimal strings, keywords. Never throws: bytes that fit no
/// rule come out as <see cref="PdfTokenKind.Junk"/>, one at a time.
/// </summary>
internal ref struct PdfTokenizer(ReadOnlySpan<byte> bytes, int position)
{
    private static readonly SearchValues<byte> EndOfRegular = SearchValues.Create("\0\t\n\f\r ()<>[]{}/%"u8);
    private static readonly SearchValues<byte> StringSpecial = SearchValues.Create("()\\"u8);
    private static readonly SearchValues<byte> LineEnd = SearchValues.Create("\r\n"u8);

    private const int MaxCommonName = 32;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonNames = new[]
    {
        "Type", "Subtype", "Filter", "DecodeParms", "Length", "Length1", "Length2", "Length3", "FlateDecode", "Predictor",
        "Columns", "Catalog", "Pages", "Page", "Kids", "Parent", "Count", "Resources", "Contents", "MediaBox", "CropBox",
        "Rotate", "Annots", "Font", "FontDescriptor", "FontFile", "FontFile2", "FontFile3", "BaseFont", "Encoding",
        "WinAnsiEncoding", "ToUnicode", "Widths", "FirstChar", "LastChar", "Flags", "FontBBox", "ItalicAngle", "Ascent",
        "Descent", "CapHeight", "StemV", "XHeight", "FontName", "CharSet", "Type0", "Type1", "Type1C", "TrueType",
        "CIDFontType0", "CIDFontType2", "DescendantFonts", "CIDSystemInfo", "Registry", "Ordering", "Supplement", "DW", "W",
        "CIDToGIDMap", "Identity", "Identity-H", "XObject", "Image", "Form", "ProcSet", "PDF", "Text", "ImageB", "ImageC",
        "ExtGState", "ColorSpace", "DeviceRGB", "DeviceGray", "DeviceCMYK", "ICCBased", "BitsPerComponent", "Width", "Height",
        "SMask", "Group", "Transparency", "CS", "BBox", "Matrix", "ObjStm", "N", "First", "XRef", "Size", "Index", "Root",
        "Info", "ID", "Prev", "Annot", "Link", "Rect", "Border", "A", "URI", "S", "GoTo", "D", "Dest", "Outlines",
        "Metadata", "XML", "StructParents", "StructTreeRoot", "MarkInfo", "Marked", "Lang", "Tabs", "Producer", "Creator",
        "CreationDate", "ModDate", "Title", "Author", "GS0", "GS1", "F1", "F2", "F3", "F4", "F5", "F6", "Im0", "Im1",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly ReadOnlySpan<byte> bytes = bytes;

    public int Position { get; set; } = position;

    /// <summary>Where the current token starts.</summary>
    public int Start { get; private set; }

    public PdfTokenKind Kind { get; private set; }

    /// <summary>The value of an <see cref="PdfTokenKind.Integer"/>.</summary>
    public long Integer { get; private set; }

    /// <summary>The bytes of the current token (a name without its slash and still escaped).</summary>
    public readonly ReadOnlySpan<byte> Raw => Kind == PdfTokenKind.Name ? bytes[(Start + 1)..Position] : bytes[Start..Position];

    public readonly int Length => bytes.Length;

    public static bool IsWhiteSpace(byte b) => b is 0 or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r' or (byte)' ';

    public static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public readonly bool IsKeyword(ReadOnlySpan<byte> keyword) => Kind == PdfTokenKind.Keyword && Raw.SequenceEqual(keyword);

    public PdfTokenKind Next()
    {
        SkipWhiteSpaceAndComments();
        Start = Position;
        if (Position >= bytes.Length)
        {
            return Kind = PdfTokenKind.End;
        }

        switch (bytes[Position])
        {
            case (byte)'[':
                Position++;
                return Kind = PdfTokenKind.ArrayStart;
            case (byte)']':
                Position++;
                return Kind = PdfTokenKind.ArrayEnd;
            case (byte)'<' when Position + 1 < bytes.Length && bytes[Position + 1] == '<':
                Position += 2;
                return Kind = PdfTokenKind.DictionaryStart;
            case (byte)'<':
                var close = bytes[Position..].IndexOf((byte)'>');
                Position = close < 0 ? bytes.Length : Position + close + 1;
                return Kind = PdfTokenKind.String;
            case (byte)'>' when Position + 1 < bytes.Length && bytes[Position + 1] == '>':
                Position += 2;
                return Kind = PdfTokenKind.DictionaryEnd;
            case (byte)'(':
                SkipLiteralString();
                return Kind = PdfTokenKind.String;
            case (byte)'/':
                Position++;
                SkipRegular();
                return Kind = PdfTokenKind.Name;
            case (byte)'>' or (byte)')' or (byte)'{' or (byte)'}':
                Position++;
                return Kind = PdfTokenKind.Junk;
            default:
                SkipRegular();
                return Kind = Classify(bytes[Start..Position]);
        }
    }

    /// <summary>The current name with its <c>#xx</c> escapes undone (§7.3.5), as PdfPig reads it.</summary>
    public readonly string Name()
    {
        var raw = Raw;
        if (raw.IndexOf((byte)'#') < 0)
        {
            if (raw.Length > MaxCommonName)
            {
                return Encoding.Latin1.GetString(raw);
            }

            // Every file repeats the same few dozen names: hand out one string each instead of allocating them anew.
            Span<char> chars = stackalloc char[raw.Length];
            Encoding.Latin1.GetChars(raw, chars);
            return CommonNames.TryGetValue(chars, out var common) ? common : new string(chars);
        }

        var unescaped = new byte[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '#' && i + 2 < raw.Length && HexValue(raw[i + 1]) is >= 0 and var high && HexValue(raw[i + 2]) is >= 0 and var low)
            {
                unescaped[length++] = (byte)((high << 4) | low);
                i += 2;
            }
            else
            {
                unescaped[length++] = raw[i];
            }
        }

        return Encoding.Latin1.GetString(unescaped, 0, length);
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    // Not empty: the byte at Start is regular (every delimiter and white space has its own case above).
    private PdfTokenKind Classify(ReadOnlySpan<byte> token)
    {
        var first = token[0];
        if (first is not ((>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'-' or (byte)'.'))
        {
            return PdfTokenKind.Keyword;
        }

        long value = 0;
        var digits = token[0] is (byte)'+' or (byte)'-' ? token[1..] : token;
        var isInteger = digits.Length is > 0 and <= 18;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                isInteger = false;
                break;
            }

            value = (value * 10) + (b - '0');
        }

        if (isInteger)
        {
            Integer = first == '-' ? -value : value;
            return PdfTokenKind.Integer;
        }

        return PdfTokenKind.Real;
    }

    private void SkipRegular()
    {
        var end = bytes[Position..].IndexOfAny(EndOfRegular);
        Position = end < 0 ? bytes.Length : Position + end;
    }

    private void SkipWhiteSpaceAndComments()
    {
        while (Position < bytes.Length)
        {
            var b = bytes[Position];
            if (IsWhiteSpace(b))
            {
                Position++;
            }
            else if (b == '%')
            {
                var end = bytes[Position..].IndexOfAny(LineEnd);
                Position = end < 0 ? bytes.Length : Position + end;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Balanced parentheses and backslash escapes (§7.3.4.2); an unclosed string runs to the end of the bytes.</summary>
    private void SkipLiteralString()
    {
        var depth = 0;
        while (Position < bytes.Length)
        {
            var next = bytes[Position..].IndexOfAny(StringSpecial);
            if (next < 0)
            {
                Position = bytes.Length;
                return;
            }

            Position += next;
            switch (bytes[Position])
            {
                case (byte)'\\':
                    Position += 2;
                    break;
                case (byte)'(':
                    depth++;
                    Position++;
                    break;
                default:
                    Position++;
                    if (--depth == 0)
                    {
                        return;
                    }

                    break;
            }
        }

        Position = Math.Min(Position, bytes.Length);
    }
}
