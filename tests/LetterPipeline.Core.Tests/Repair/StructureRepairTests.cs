using System.Security.Cryptography;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Repair;

/// <summary>A PDF that PdfPig refuses is rebuilt with qpdf and read; a truly broken one keeps its failure.</summary>
public sealed class StructureRepairTests
{
    // A valid nota whose cross-reference stream PdfPig 0.1.16 cannot follow ("Could not find an xref trailer…").
    private const string Contourennota = "real-2/bijlage-aenm-2025-contourennota-spreidingswet.pdf";

    [ToolFact("qpdf")]
    public void Parse_ValidFilePdfPigRefuses_IsRepairedAndRead()
    {
        var letter = Parse(Contourennota).Letter;

        Assert.Contains(QualityFlags.Repaired, letter.Quality.Flags);
        Assert.Equal(6, letter.Source.Pages);
        Assert.Equal("Contourennota intrekking Spreidingswet", letter.Title);
        Assert.Equal(new DateOnly(2025, 4, 14), letter.Date);
        var headings = letter.Sections.Where(s => s.Heading is not null).Select(s => s.Heading).ToList();
        Assert.Contains("2. Doel en hoofdlijnen", headings);
        Assert.Contains("I. Gemeentelijke exploitatie van asielopvangvoorzieningen", headings);
        var footnote = Assert.Single(letter.Footnotes);
        Assert.Equal(("1", "P. 20 Regeerprogramma."), (footnote.Number, footnote.Text));
        Assert.Contains(letter.Sections.SelectMany(s => s.Paragraphs), p => p.Footnotes.SequenceEqual(["1"]));
    }

    [Fact]
    public void Parse_ReadableFile_IsNotFlaggedRepaired()
    {
        var letter = Parse("letters/rbz-2022-12.kst.sans.pdf").Letter;

        Assert.Empty(letter.Quality.Flags);
        Assert.Equal(TextSources.TextLayer, letter.Quality.TextSource);
    }

    [ToolTheory("qpdf")]
    [InlineData("bad/truncated.pdf")]
    [InlineData("hostile/SpookyPass.pdf")]
    [InlineData("hostile/test_broken_header-only.pdf")]
    public void Parse_FileQpdfCannotRebuild_KeepsItsCorruptFailure(string file)
    {
        var failure = Assert.Throws<LetterFormatException>(() => Parse(file));

        Assert.Equal(FailureCode.Corrupt, failure.Code);
        Assert.Contains("qpdf could not rebuild it either", failure.Message, StringComparison.Ordinal);
    }

    private static ParseResult Parse(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Corpus.Root, file));
        return new LetterParser().Parse(bytes, Path.GetFileName(file), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
