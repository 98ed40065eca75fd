namespace LetterPipeline.Core.Guards.Decoding;

/// <summary>
/// ASCII85Decode as PdfPig reads it: groups of five digits to four bytes, 'z' for four zero bytes, "~&gt;" (or a
/// last '~') ends the data; only CR, LF and space are white space, and other bytes are taken as digits unchecked.
/// </summary>
internal sealed class Ascii85Stage(Stream source) : FilterStage(source)
{
    private readonly byte[] group = new byte[5];
    private readonly byte[] pending = new byte[4];
    private int grouped;
    private int pendingStart;
    private int pendingEnd;
    private bool ended;
    private int lookahead = -1;

    protected override int Decode(Span<byte> output)
    {
        var written = 0;
        while (written < output.Length)
        {
            if (pendingStart < pendingEnd)
            {
                output[written++] = pending[pendingStart++];
                continue;
            }

            if (ended)
            {
                break;
            }

            Step();
        }

        return written;
    }

    /// <summary>Reads input until a group is complete (its bytes pending) or the data ends.</summary>
    private void Step()
    {
        pendingStart = pendingEnd = 0;
        while (!ended && pendingEnd == 0)
        {
            var b = Read();
            if (b == -1)
            {
                Finish();
            }
            else if (b is '\r' or '\n' or ' ')
            {
                continue;
            }
            else if (b == '~' && (lookahead = Read()) is -1 or '>')
            {
                Finish();
            }
            else if (b == 'z')
            {
                if (grouped > 0)
                {
                    throw new InvalidDataException("'z' inside a group of an ASCII85 stream.");
                }

                pending.AsSpan().Clear();
                pendingEnd = 4;
            }
            else
            {
                // A '~' not followed by '>' is a digit like any other byte, as in PdfPig.
                group[grouped++] = unchecked((byte)(b - '!'));
                if (grouped == 5)
                {
                    Emit(5);
                }
            }
        }
    }

    private int Read()
    {
        if (lookahead >= 0)
        {
            var b = lookahead;
            lookahead = -1;
            return b;
        }

        return NextByte();
    }

    private void Finish()
    {
        ended = true;
        if (grouped >= 2)
        {
            Emit(grouped);
        }

        grouped = 0;
    }

    private void Emit(int digits)
    {
        for (var i = digits; i < 5; i++)
        {
            group[i] = 'u' - '!';
        }

        var value = 0;
        foreach (var digit in group)
        {
            value = unchecked((value * 85) + digit);
        }

        pending[0] = (byte)(value >> 24);
        pending[1] = (byte)(value >> 16);
        pending[2] = (byte)(value >> 8);
        pending[3] = (byte)value;
        pendingEnd = digits - 1;
        grouped = 0;
    }
}
