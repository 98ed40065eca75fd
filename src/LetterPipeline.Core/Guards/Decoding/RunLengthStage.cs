namespace LetterPipeline.Core.Guards.Decoding;

/// <summary>RunLengthDecode: a length byte 0–127 copies that many plus one bytes, 129–255 repeats the next byte 257 − length times, 128 ends the data.</summary>
internal sealed class RunLengthStage(Stream source) : FilterStage(source)
{
    private int literal;
    private int repeat;
    private byte repeated;
    private bool ended;

    protected override int Decode(Span<byte> output)
    {
        var written = 0;
        while (written < output.Length)
        {
            if (repeat > 0)
            {
                var n = Math.Min(repeat, output.Length - written);
                output.Slice(written, n).Fill(repeated);
                written += n;
                repeat -= n;
            }
            else if (literal > 0)
            {
                output[written++] = (byte)Required();
                literal--;
            }
            else if (ended || !NextRun())
            {
                break;
            }
        }

        return written;
    }

    private bool NextRun()
    {
        var length = NextByte();
        if (length is -1 or 128)
        {
            ended = true;
            return false;
        }

        if (length < 128)
        {
            literal = length + 1;
        }
        else
        {
            repeated = (byte)Required();
            repeat = 257 - length;
        }

        return true;
    }

    // PdfPig reads past the end of its input here and fails.
    private int Required() => NextByte() is var b and >= 0 ? b : throw new InvalidDataException("A RunLength stream ends inside a run.");
}
