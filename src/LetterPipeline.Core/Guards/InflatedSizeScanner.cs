using System.IO.Compression;

namespace LetterPipeline.Core.Guards;

/// <summary>
/// Finds decompression bombs before PdfPig inflates them into memory: every Flate stream is inflated through a
/// counting sink that throws the output away and stops at the cap, so a stream that unpacks to 300 MB costs a
/// 64 KB buffer and the time to inflate up to the limit.
/// </summary>
internal static class InflatedSizeScanner
{
    private const int BufferSize = 64 * 1024;

    // How far back from "stream" to look for the stream's dictionary.
    private const int DictionaryWindow = 4096;

    public static void Check(byte[] pdf, PdfInputLimits limits)
    {
        var buffer = new byte[BufferSize];
        long total = 0;
        foreach (var dataStart in FlateStreams(pdf))
        {
            var inflated = InflatedLength(pdf, dataStart, buffer, limits.MaxInflatedStreamBytes + 1);
            if (inflated > limits.MaxInflatedStreamBytes)
            {
                throw new LetterFormatException(FailureCode.TooLarge,
                    $"A compressed stream at byte {dataStart} inflates to more than {Megabytes(limits.MaxInflatedStreamBytes)} (limit per stream); a decompression bomb?",
                    "guard");
            }

            total += inflated;
            if (total > limits.MaxInflatedDocumentBytes)
            {
                throw new LetterFormatException(FailureCode.TooLarge,
                    $"The compressed streams inflate to more than {Megabytes(limits.MaxInflatedDocumentBytes)} together (limit per document).",
                    "guard");
            }
        }
    }

    /// <summary>
    /// Flate-compressed, non-image streams: the text between the "obj" before a "stream" keyword and the keyword
    /// is the stream's dictionary. Images are left out: PdfPig only inflates them when asked, and we never ask.
    /// </summary>
    private static List<int> FlateStreams(ReadOnlySpan<byte> pdf)
    {
        var result = new List<int>();
        var keyword = "stream"u8;
        for (var at = pdf.IndexOf(keyword); at >= 0;)
        {
            var end = at + keyword.Length;
            var isEndStream = at >= 3 && pdf[(at - 3)..at].SequenceEqual("end"u8);
            var dataStart = end < pdf.Length && pdf[end] == (byte)'\r' ? end + 1 : end;
            if (dataStart < pdf.Length && pdf[dataStart] == (byte)'\n')
            {
                dataStart++;
            }

            if (!isEndStream && dataStart > end && dataStart < pdf.Length)
            {
                var windowStart = Math.Max(0, at - DictionaryWindow);
                var window = pdf[windowStart..at];
                var obj = window.LastIndexOf("obj"u8);
                var dictionary = System.Text.Encoding.Latin1.GetString(obj >= 0 ? window[(obj + 3)..] : window);
                if (dictionary.Contains("/FlateDecode", StringComparison.Ordinal) && !IsImage(dictionary))
                {
                    result.Add(dataStart);
                }
            }

            var next = pdf[end..].IndexOf(keyword);
            at = next < 0 ? -1 : end + next;
        }

        return result;
    }

    private static bool IsImage(string dictionary) =>
        string.Concat(dictionary.Where(c => !char.IsWhiteSpace(c))).Contains("/Subtype/Image", StringComparison.Ordinal);

    /// <summary>
    /// Inflated length of the zlib data at <paramref name="dataStart"/>, counted up to <paramref name="cap"/>.
    /// Like PdfPig it skips the 2-byte zlib header and ignores the checksum; data that does not inflate counts as
    /// what came out before the error (an encrypted stream, for one, is not deflate data until decrypted).
    /// </summary>
    private static long InflatedLength(byte[] pdf, int dataStart, byte[] buffer, long cap)
    {
        if (pdf.Length - dataStart < 2)
        {
            return 0;
        }

        long count = 0;
        try
        {
            using var source = new MemoryStream(pdf, dataStart + 2, pdf.Length - dataStart - 2, writable: false);
            using var inflater = new DeflateStream(source, CompressionMode.Decompress);
            int read;
            while (count < cap && (read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                count += read;
            }
        }
        catch (InvalidDataException)
        {
        }

        return count;
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024 * 1024)} MB";
}
