namespace LetterPipeline.Core.Guards.Decoding;

/// <summary>ASCIIHexDecode: pairs of hex digits up to '&gt;'; white space and '&lt;' are skipped, any other byte is an error (as in PdfPig).</summary>
internal sealed class AsciiHexStage(Stream source) : FilterStage(source)
{
    private bool ended;

    protected override int Decode(Span<byte> output)
    {
        var written = 0;
        // A pair is always completed before the loop looks at the output's room again, so none is pending between calls.
        var high = -1;
        while (written < output.Length && !ended)
        {
            var b = NextByte();
            if (b is -1 or '>')
            {
                ended = true;
                if (high >= 0)
                {
                    // An odd last digit counts as if followed by 0.
                    output[written++] = (byte)(high << 4);
                }

                break;
            }

            if (PdfTokenizer.IsWhiteSpace((byte)b) || b == '<')
            {
                continue;
            }

            var value = HexDigit(b);
            if (high < 0)
            {
                high = value;
            }
            else
            {
                output[written++] = (byte)((high << 4) | value);
                high = -1;
            }
        }

        return written;
    }

    private static int HexDigit(int b) => b switch
    {
        >= '0' and <= '9' => b - '0',
        >= 'a' and <= 'f' => b - 'a' + 10,
        >= 'A' and <= 'F' => b - 'A' + 10,
        _ => throw new InvalidDataException($"Invalid character {b} in an ASCIIHex stream."),
    };
}
