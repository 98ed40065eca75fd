using System.Buffers;
using System.IO.Compression;

namespace LetterPipeline.Core.Guards.Decoding;

/// <summary>
/// Decodes one stream through its filter chain in small buffers and counts every stage's output against the limit
/// per stream and the document's budget; the output is thrown away unless the caller keeps it (an object stream,
/// whose objects the guard reads). Failures follow PdfPig: a Flate stage that fails hands its input on unchanged
/// (PdfPig's <c>FlateFilter</c> swallows the error), any other failing stage ends the decoding, and what came out
/// before it still counts: PdfPig had allocated it.
/// </summary>
internal static class ChainDecoder
{
    private const int BufferSize = 64 * 1024;

    /// <param name="pdf">The file.</param>
    /// <param name="stream">The stream: where its data lies, its dictionary.</param>
    /// <param name="chain">Its filters.</param>
    /// <param name="budget">The document's budget, charged with every decoded byte.</param>
    /// <param name="keep">Receives the decoded output, or null to discard it.</param>
    /// <param name="observe">Sees the decoded output chunk by chunk, or null.</param>
    public static void Decode(byte[] pdf, RawStream stream, IReadOnlyList<FilterStep> chain, DecodeBudget budget, MemoryStream? keep = null,
        Action<ReadOnlySpan<byte>>? observe = null)
    {
        if (chain.Count == 0)
        {
            // Stored as it is: nothing to inflate.
            keep?.Write(pdf, stream.DataStart, stream.DataEnd - stream.DataStart);
            observe?.Invoke(pdf.AsSpan(stream.DataStart, stream.DataEnd - stream.DataStart));
            return;
        }

        var passedOn = new HashSet<int>();
        while (true)
        {
            keep?.SetLength(0);
            try
            {
                Run(pdf, stream, chain, budget, passedOn, keep, observe);
                return;
            }
            catch (StageFailedException failed) when (chain[failed.Step].Kind == FilterKind.Flate && passedOn.Add(failed.Step))
            {
                // Decode again with that stage passing its input through; the budget has been charged for this attempt too.
            }
            catch (StageFailedException)
            {
                return;
            }
        }
    }

    private static void Run(byte[] pdf, RawStream stream, IReadOnlyList<FilterStep> chain, DecodeBudget budget, HashSet<int> passedOn, MemoryStream? keep,
        Action<ReadOnlySpan<byte>>? observe)
    {
        var at = stream.DataStart;
        // Every stage is disposed: a DeflateStream holds native zlib state and a pooled buffer until then.
        var stages = new List<Stream> { new MemoryStream(pdf, stream.DataStart, stream.DataEnd - stream.DataStart, writable: false) };
        try
        {
            for (var i = 0; i < chain.Count; i++)
            {
                if (passedOn.Contains(i))
                {
                    continue;
                }

                var step = chain[i];
                CheckPredictorRow(step, at, budget);
                var current = stages[^1];
                Stream? decoder = step.Kind switch
                {
                    FilterKind.Flate => OpenFlate(current),
                    FilterKind.Lzw => new LzwStage(current, earlyChange: (step.Parameters.IntegerOf("EarlyChange") ?? 1) == 1),
                    FilterKind.Ascii85 => new Ascii85Stage(current),
                    FilterKind.AsciiHex => new AsciiHexStage(current),
                    FilterKind.RunLength => new RunLengthStage(current),
                    _ => null,
                };
                if (decoder is null)
                {
                    // PdfPig decodes the filters before this one, then fails at it (DCT, JPX, JBIG2) or, for CCITT,
                    // allocates the whole bitmap from the parameters before it decodes a bit: count that.
                    if (stages.Count > 1)
                    {
                        Drain(current, keep: null, observe: null);
                    }

                    if (step.Kind == FilterKind.CcittFax)
                    {
                        ChargeWhole(CcittBitmapBytes(step.Parameters, stream.Dictionary), at, budget);
                    }

                    return;
                }

                stages.Add(decoder);
                stages.Add(new CountingStage(decoder, i, at, budget));
            }

            Drain(stages[^1], keep, observe);
        }
        finally
        {
            foreach (var stage in stages)
            {
                stage.Dispose();
            }
        }
    }

    private static Stream OpenFlate(Stream source)
    {
        // Like PdfPig: skip the two-byte zlib header, ignore the checksum.
        source.ReadByte();
        source.ReadByte();
        return new DeflateStream(source, CompressionMode.Decompress, leaveOpen: true);
    }

    private static void Drain(Stream decoded, MemoryStream? keep, Action<ReadOnlySpan<byte>>? observe)
    {
        // Every stream of every file is drained: a pooled buffer keeps the guard from allocating one each time.
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = decoded.Read(buffer, 0, buffer.Length)) > 0)
            {
                keep?.Write(buffer, 0, read);
                observe?.Invoke(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void ChargeWhole(long bytes, int at, DecodeBudget budget)
    {
        if (bytes > budget.Limits.MaxInflatedStreamBytes)
        {
            throw budget.StreamTooLarge(at, "decodes to");
        }

        budget.Charge(bytes);
    }

    /// <summary>PdfPig's <c>CcittFaxDecodeFilter</c> sizes its bitmap as ((Columns + 7) / 8) × rows, in 32-bit arithmetic.</summary>
    private static long CcittBitmapBytes(RawDictionary parameters, RawDictionary dictionary)
    {
        var columns = unchecked((int)(parameters.IntegerOf("Columns") ?? 1728));
        var rows = unchecked((int)(parameters.IntegerOf("Rows") ?? 0));
        var height = unchecked((int)(dictionary.IntegerOf("Height") ?? dictionary.IntegerOf("H") ?? 0));
        rows = rows > 0 && height > 0 ? height : Math.Max(rows, height);
        var size = unchecked((columns + 7) / 8 * rows);
        return Math.Max(size, 0);
    }

    /// <summary>A predictor works a row at a time; PdfPig allocates rows as wide as the parameters say.</summary>
    private static void CheckPredictorRow(FilterStep step, int at, DecodeBudget budget)
    {
        if (step.Kind is not (FilterKind.Flate or FilterKind.Lzw) || (step.Parameters.IntegerOf("Predictor") ?? -1) <= 1)
        {
            return;
        }

        var colors = Math.Clamp(step.Parameters.IntegerOf("Colors") ?? 1, 0, 32);
        var bits = Math.Clamp(step.Parameters.IntegerOf("BitsPerComponent") ?? 8, 0, int.MaxValue);
        var columns = Math.Clamp(step.Parameters.IntegerOf("Columns") ?? 1, 0, int.MaxValue);
        if (((colors * bits * (double)columns) + 7) / 8 > budget.Limits.MaxInflatedStreamBytes)
        {
            throw budget.StreamTooLarge(at, "has predictor rows of");
        }
    }

    /// <summary>Counts what one stage puts out; its own decoding errors become <see cref="StageFailedException"/>.</summary>
    private sealed class CountingStage(Stream stage, int step, int at, DecodeBudget budget) : ReadOnlyStage
    {
        private long count;

        protected override int Decode(Span<byte> output)
        {
            int read;
            try
            {
                read = stage.Read(output);
            }
            catch (InvalidDataException)
            {
                throw new StageFailedException(step);
            }

            count += read;
            if (count > budget.Limits.MaxInflatedStreamBytes)
            {
                throw budget.StreamTooLarge(at, "decodes to");
            }

            budget.Charge(read);
            return read;
        }
    }

    private sealed class StageFailedException(int step) : Exception
    {
        public int Step { get; } = step;
    }
}
