using System.IO.Compression;
using System.Text;
using LetterPipeline.Core.Guards;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace LetterPipeline.Core.Tests.Guards;

/// <summary>Small inputs built in the test: what the guard, the open step and the text-layer check make of them.</summary>
public sealed class PdfInputGuardTests
{
    private static readonly PdfInputLimits OneMegabyte = new(MaxInflatedStreamBytes: 1 << 20, MaxInflatedDocumentBytes: 1 << 20);

    [Fact]
    public void Check_EmptyFile_IsNotAPdf()
    {
        var error = Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check([]));

        Assert.Equal((FailureCode.NotAPdf, "guard"), (error.Code, error.Stage));
    }

    [Theory]
    [InlineData("Dit is geen PDF maar een tekstbestand.")]
    [InlineData("%PDF-")]
    [InlineData("%PDF-x.y but no version")]
    public void Check_TextWithoutPdfHeader_IsNotAPdf(string content)
    {
        var error = Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(Encoding.ASCII.GetBytes(content)));

        Assert.Equal(FailureCode.NotAPdf, error.Code);
    }

    [Fact]
    public void Check_HeaderAfterMoreThan64KbOfJunk_IsNotAPdf()
    {
        var pdf = Junk(65 * 1024).Concat(LetterWithText("Geachte voorzitter")).ToArray();

        Assert.Equal(FailureCode.NotAPdf, Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf)).Code);
    }

    [Fact]
    public void Parse_LetterAfterTwoKilobytesOfJunk_ReadsTheLetter()
    {
        var pdf = Junk(2048).Concat(LetterWithText("Geachte voorzitter, hierbij de brief.")).ToArray();

        var letter = new LetterParser().Parse(pdf, "junk.pdf", "sha").Letter;

        Assert.Equal(1, letter.Source.Pages);
        var text = letter.Title + " " + string.Join(" ", letter.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Text));
        Assert.Contains("hierbij de brief", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PageWithDrawingButNoText_HasNoTextLayer()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).DrawRectangle(new PdfPoint(50, 50), 200, 300, fill: true);

        var error = Assert.Throws<LetterFormatException>(() => new LetterParser().Parse(builder.Build(), "scan.pdf", "sha"));

        Assert.Equal(FailureCode.NoTextLayer, error.Code);
    }

    [Fact]
    public void Check_StreamInflatingPastTheStreamLimit_IsTooLarge()
    {
        var pdf = PdfWithStreams(("<< /Filter /FlateDecode >>", 2 << 20));

        var error = Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf, OneMegabyte with { MaxInflatedDocumentBytes = 8 << 20 }));

        Assert.Equal((FailureCode.TooLarge, "guard"), (error.Code, error.Stage));
        Assert.Contains("limit per stream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_StreamsTogetherPastTheDocumentLimit_IsTooLarge()
    {
        var pdf = PdfWithStreams(("<< /Filter /FlateDecode >>", 600_000), ("<< /Filter /FlateDecode >>", 600_000));

        var error = Assert.Throws<LetterFormatException>(() => PdfInputGuard.Check(pdf, OneMegabyte with { MaxInflatedStreamBytes = 8 << 20 }));

        Assert.Contains("limit per document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_StreamsWithinLimits_Pass()
    {
        var pdf = PdfWithStreams(("<< /Filter /FlateDecode >>", 400_000), ("<< /Length 10 /Filter [/FlateDecode] >>", 400_000));

        PdfInputGuard.Check(pdf, OneMegabyte);
    }

    [Fact]
    public void Check_LargeImageStream_IsNotCounted()
    {
        // PdfPig inflates images only when asked for them, and the pipeline never asks.
        var pdf = PdfWithStreams(("<< /Type /XObject /Subtype /Image /Width 2048 /Height 1024 /Filter /FlateDecode >>", 2 << 20));

        PdfInputGuard.Check(pdf, OneMegabyte);
    }

    [Fact]
    public void Check_StreamThatIsNotDeflateData_Passes()
    {
        // An encrypted stream is noise until decrypted: it counts for what inflates before the error.
        var noise = new byte[4096];
        new Random(7).NextBytes(noise);
        var pdf = Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n")
            .Concat(noise).Concat(Encoding.Latin1.GetBytes("\nendstream\nendobj\n%%EOF\n")).ToArray();

        PdfInputGuard.Check(pdf, OneMegabyte);
    }

    private static byte[] LetterWithText(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText(text, 11, new PdfPoint(72, 700), font);
        return builder.Build();
    }

    private static byte[] Junk(int length)
    {
        var junk = new byte[length];
        new Random(42).NextBytes(junk);
        return junk;
    }

    // A PDF-shaped file with one object per stream: enough for the raw-byte scan, which reads no xref.
    private static byte[] PdfWithStreams(params (string Dictionary, int InflatedLength)[] streams)
    {
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n"u8);
        for (var i = 0; i < streams.Length; i++)
        {
            pdf.Write(Encoding.Latin1.GetBytes($"{i + 1} 0 obj\n{streams[i].Dictionary}\nstream\n"));
            using (var zlib = new ZLibStream(pdf, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(new byte[streams[i].InflatedLength]);
            }

            pdf.Write("\nendstream\nendobj\n"u8);
        }

        pdf.Write("%%EOF\n"u8);
        return pdf.ToArray();
    }
}
