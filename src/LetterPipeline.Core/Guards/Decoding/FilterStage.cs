using System.Buffers;

namespace LetterPipeline.Core.Guards.Decoding;

/// <summary>
/// One filter of a stream's chain, decoding the stage before it, so a chain decodes in small buffers however large
/// its output. The decoders follow PdfPig 0.1.16's where it matters for the size: what PdfPig would allocate is
/// what the guard counts.
/// </summary>
internal abstract class FilterStage(Stream source) : ReadOnlyStage
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int buffered;
    private int next;

    /// <summary>The next input byte, or -1 at the end of the input.</summary>
    protected int NextByte()
    {
        if (next == buffered)
        {
            buffered = source.Read(buffer, 0, buffer.Length);
            next = 0;
            if (buffered <= 0)
            {
                buffered = 0;
                return -1;
            }
        }

        return buffer[next++];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }

        base.Dispose(disposing);
    }
}
