using LetterPipeline.Core.Guards.Decoding;

namespace LetterPipeline.Core.Guards;

/// <summary>
/// Finds decompression bombs before PdfPig decodes them into memory: every stream PdfPig may decode is run through
/// its whole filter chain into counting sinks that throw the output away and stop at the caps (<see cref="PdfInputLimits"/>),
/// so a stream that unpacks to 300 MB costs a few small buffers and the time to decode up to the limit.
/// </summary>
internal static class DecodedSizeScanner
{
    private static readonly RawDictionary NoParameters = new([]);

    /// <summary>
    /// Decodes every stream except object streams (<see cref="ObjectStreams"/> has counted them) and images PdfPig
    /// never decodes here; the forms' content goes past <paramref name="forms"/> on its way.
    /// </summary>
    public static void Check(byte[] pdf, RawObjectIndex index, DecodeBudget budget, FormNesting forms)
    {
        var images = ImageStreams.NotDecoded(index);
        var starts = new HashSet<int>();
        foreach (var stream in index.Streams)
        {
            starts.Add(stream.DataStart);
            if (!ObjectStreams.IsObjectStream(stream) && !images.Contains(stream.Number))
            {
                var form = FormNesting.IsForm(stream) ? forms.Observe(stream) : null;
                ChainDecoder.Decode(pdf, stream, FilterChain.Of(stream.Dictionary, index, stream.DataStart), budget,
                    observe: form is null ? null : form.Observe);
                form?.End();
            }
        }

        // A "stream" keyword no object header led to: its dictionary is unknown, so it counts as Flate data, the
        // common case, rather than not at all.
        foreach (var orphan in OrphanStreams(pdf, starts))
        {
            ChainDecoder.Decode(pdf, orphan, [new FilterStep(FilterKind.Flate, NoParameters)], budget);
        }
    }

    private static List<RawStream> OrphanStreams(byte[] pdf, HashSet<int> known)
    {
        var orphans = new List<RawStream>();
        ReadOnlySpan<byte> bytes = pdf;
        var keyword = "stream"u8;
        for (var at = bytes.IndexOf(keyword); at >= 0;)
        {
            var end = at + keyword.Length;
            var isEndStream = at >= 3 && bytes[(at - 3)..at].SequenceEqual("end"u8);
            var start = end < bytes.Length && bytes[end] == '\r' ? end + 1 : end;
            if (start < bytes.Length && bytes[start] == '\n')
            {
                start++;
            }

            if (!isEndStream && start > end && start < bytes.Length && !known.Contains(start))
            {
                var close = bytes[start..].IndexOf("endstream"u8);
                orphans.Add(new RawStream(-1, NoParameters, start, close < 0 ? bytes.Length : start + close));
            }

            var next = bytes[end..].IndexOf(keyword);
            at = next < 0 ? -1 : end + next;
        }

        return orphans;
    }
}
