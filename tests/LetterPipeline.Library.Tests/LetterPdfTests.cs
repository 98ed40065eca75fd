using System.Text;
using LetterPipeline.Core;

namespace LetterPipeline.Library.Tests;

/// <summary>The front door's options and failures, through the public API only.</summary>
public sealed class LetterPdfTests
{
    private static byte[] Letter() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "kamerbrief.pdf"));

    [Fact]
    public void Read_Stream_RecordsNoFileNameAndTheBytesHash()
    {
        var bytes = Letter();
        using var stream = new MemoryStream(bytes);

        var letter = LetterPdf.Read(stream);

        Assert.Equal("", letter.Source.File);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), letter.Source.Sha256);
        Assert.Equal(8, letter.Sections.Count);
    }

    [Fact]
    public void Read_FileNameAndHashInOptions_AreRecordedAsGiven()
    {
        var letter = LetterPdf.Read(Letter(), new LetterPdfOptions { FileName = "brief.pdf", Sha256 = "known" });

        Assert.Equal("brief.pdf", letter.Source.File);
        Assert.Equal("known", letter.Source.Sha256);
    }

    [Fact]
    public void Read_InputLimitsInOptions_RefuseALetterThatInflatesPastThem()
    {
        var limits = new PdfInputLimits(MaxInflatedStreamBytes: 1024, MaxInflatedDocumentBytes: 1024);

        var error = Assert.Throws<LetterFormatException>(() => LetterPdf.Read(Letter(), new LetterPdfOptions { Limits = limits }));

        Assert.Equal(FailureCode.TooLarge, error.Code);
    }

    [Fact]
    public void Read_NotAPdf_ThrowsLetterFormatExceptionWithItsCode()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("Dit is geen PDF."));

        var error = Assert.Throws<LetterFormatException>(() => LetterPdf.Read(stream));

        Assert.Equal(FailureCode.NotAPdf, error.Code);
        Assert.Equal("not-a-pdf", error.Code.ToCode());
    }

    [Fact]
    public void Parse_TimingsInOptions_ChargeEveryReadingStage()
    {
        var timings = new StageTimings();

        var result = LetterPdf.Parse(Letter(), new LetterPdfOptions { Timings = timings });

        Assert.Equal(4, result.Letter.Source.Pages);
        foreach (var stage in new[] { Stage.Read, Stage.Parse, Stage.Layout, Stage.Structure, Stage.Citations })
        {
            Assert.True(timings[stage].Elapsed > TimeSpan.Zero, $"Nothing was charged to {stage}.");
        }
    }

    [Fact]
    public void PublicTypes_AreTheModelTheReaderTheWritersAndTheirOptions_NotTheStages()
    {
        string[] stageNamespaces = ["LetterPipeline.Core.Layout", "LetterPipeline.Core.Parsing", "LetterPipeline.Core.Guards", "LetterPipeline.Core.Writing.Word"];

        var exposed = typeof(LetterPdf).Assembly.GetExportedTypes().Where(t => stageNamespaces.Contains(t.Namespace));

        Assert.Empty(exposed);
    }
}
