namespace LetterPipeline.Core.Guards.Decoding;

/// <summary>
/// LZWDecode as PdfPig 0.1.16 reads it: 9- to 12-bit codes, 256 clears the table, 257 ends the data, an unknown code
/// repeats the previous sequence plus its first byte, and running out of bits before 257 is an error (PdfPig throws
/// after it has decoded everything before that point; the guard has counted it by then).
/// </summary>
internal sealed class LzwStage(Stream source, bool earlyChange) : FilterStage(source)
{
    private const int ClearTable = 256;
    private const int EndOfData = 257;
    private const int MaxCodes = 4096;

    // The table as prefix links: entry i is entry prefix[i] followed by suffix[i]. PdfPig keeps adding entries past
    // 4096 that no 12-bit code can name; only their number matters (it sets the code width).
    private readonly int[] prefix = new int[MaxCodes];
    private readonly byte[] suffix = new byte[MaxCodes];
    private readonly int[] length = new int[MaxCodes];
    private readonly byte[] sequence = new byte[MaxCodes + 1];
    private int tableCount = 258;
    private int codeBits = 9;
    private int previous = -1;
    private int bitBuffer;
    private int bitCount;
    private int sequenceStart;
    private int sequenceEnd;
    private bool ended;

    protected override int Decode(Span<byte> output)
    {
        var written = 0;
        while (written < output.Length)
        {
            if (sequenceStart < sequenceEnd)
            {
                var n = Math.Min(sequenceEnd - sequenceStart, output.Length - written);
                sequence.AsSpan(sequenceStart, n).CopyTo(output[written..]);
                written += n;
                sequenceStart += n;
            }
            else if (ended || !NextCode())
            {
                break;
            }
        }

        return written;
    }

    private bool NextCode()
    {
        var code = ReadCode();
        if (code == EndOfData)
        {
            ended = true;
            return false;
        }

        if (code == ClearTable)
        {
            tableCount = 258;
            previous = -1;
            codeBits = 9;
            return true;
        }

        if (Known(code))
        {
            Spell(code, repeatFirst: false);
            if (previous >= 0)
            {
                AddEntry(Required(previous), sequence[0]);
            }
        }
        else
        {
            Spell(Required(previous), repeatFirst: true);
            AddEntry(previous, sequence[0]);
        }

        previous = code;
        var offset = earlyChange ? 0 : 1;
        codeBits = tableCount >= 2047 + offset ? 12 : tableCount >= 1023 + offset ? 11 : tableCount >= 511 + offset ? 10 : 9;
        return true;
    }

    private bool Known(int code) => code is >= 0 and < 256 || (code >= 258 && code < Math.Min(tableCount, MaxCodes));

    // PdfPig looks the previous code up in its table and fails when it is not there.
    private int Required(int code) => Known(code) ? code : throw new InvalidDataException($"An LZW stream refers to code {code}, which is not in the table.");

    /// <summary>Puts the bytes of <paramref name="code"/> into the sequence buffer, with its first byte once more at the end when <paramref name="repeatFirst"/>.</summary>
    private void Spell(int code, bool repeatFirst)
    {
        var n = SequenceLength(code);
        var end = n + (repeatFirst ? 1 : 0);
        for (int c = code, i = n - 1; i >= 0; i--)
        {
            sequence[i] = c < 256 ? (byte)c : suffix[c];
            c = c < 256 ? -1 : prefix[c];
        }

        if (repeatFirst)
        {
            sequence[n] = sequence[0];
        }

        sequenceStart = 0;
        sequenceEnd = end;
    }

    private int SequenceLength(int code) => code < 256 ? 1 : length[code];

    private void AddEntry(int prefixCode, byte first)
    {
        if (tableCount < MaxCodes)
        {
            prefix[tableCount] = prefixCode;
            suffix[tableCount] = first;
            length[tableCount] = SequenceLength(prefixCode) + 1;
        }

        tableCount++;
    }

    private int ReadCode()
    {
        while (bitCount < codeBits)
        {
            var b = NextByte();
            if (b < 0)
            {
                throw new InvalidDataException("An LZW stream ends without its end-of-data code.");
            }

            bitBuffer = (bitBuffer << 8) | b;
            bitCount += 8;
        }

        bitCount -= codeBits;
        var code = (bitBuffer >> bitCount) & ((1 << codeBits) - 1);
        bitBuffer &= (1 << bitCount) - 1;
        return code;
    }
}
