using LetterPipeline.Core.Guards.Decoding;

namespace LetterPipeline.Core.Guards;

/// <summary>
/// Checks on the raw bytes before the PDF parser sees them: a PDF header; objects nested no deeper than PdfPig
/// allows; a page tree and forms PdfPig can walk without overflowing its stack; streams that decode within the limits.
/// </summary>
internal static class PdfInputGuard
{
    // The spec puts the header in the first 1024 bytes; files exist with more junk in front (a mail or
    // upload wrapper) that PdfPig reads fine once it is cut off. Past this much junk it is not a PDF file.
    private const int HeaderSearchBytes = 64 * 1024;

    public static void Check(byte[] pdf, PdfInputLimits? limits = null)
    {
        if (pdf.Length == 0)
        {
            throw new LetterFormatException(FailureCode.NotAPdf, "The file is empty.", "guard");
        }

        var start = HeaderOffset(pdf);
        if (start < 0)
        {
            throw new LetterFormatException(FailureCode.NotAPdf,
                $"The file has no PDF header (%PDF-1.x or %PDF-2.x) in its first {HeaderSearchBytes / 1024} KB.", "guard");
        }

        var index = RawObjectIndex.Scan(pdf);
        var budget = new DecodeBudget(limits ?? PdfInputLimits.Default);
        ObjectStreams.Expand(pdf, index, budget);
        PageTreeDepth.Check(index);
        var forms = new FormNesting();
        DecodedSizeScanner.Check(pdf, index, budget, forms);
        forms.Check(index);
    }

    /// <summary>Where "%PDF-1." or "%PDF-2." starts, or -1; everything before it is junk to cut off.</summary>
    public static int HeaderOffset(ReadOnlySpan<byte> pdf)
    {
        var head = pdf[..Math.Min(pdf.Length, HeaderSearchBytes)];
        for (var from = 0; ;)
        {
            var at = head[from..].IndexOf("%PDF-"u8);
            if (at < 0)
            {
                return -1;
            }

            at += from;
            if (at + 6 < head.Length && head[at + 5] is (byte)'1' or (byte)'2' && head[at + 6] == (byte)'.')
            {
                return at;
            }

            from = at + 1;
        }
    }
}
