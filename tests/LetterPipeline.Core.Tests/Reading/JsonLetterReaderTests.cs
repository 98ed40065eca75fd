using System.Security.Cryptography;
using System.Text;
using LetterPipeline.Core.Reading;
using LetterPipeline.Core.Tests.Support;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Core.Tests.Reading;

/// <summary>The reader is the writer's inverse: what the worker's child wrote is what the parent records.</summary>
public sealed class JsonLetterReaderTests
{
    public static TheoryData<string> Letters() => new(Corpus.Letters().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Letters))]
    public void Read_WrittenCorpusLetter_WritesBackToTheSameJson(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Corpus.Root, "letters", file));
        var letter = new LetterParser().Parse(bytes, file, Convert.ToHexStringLower(SHA256.HashData(bytes))).Letter;
        var written = Write(letter);

        var read = JsonLetterReader.Read(new MemoryStream(written));

        Assert.Equal(Encoding.UTF8.GetString(written), Encoding.UTF8.GetString(Write(read)));
        Assert.Equal(letter.References.Select(r => r.Id), read.References.Select(r => r.Id));
        Assert.Equal(letter.Kamerstuk, read.Kamerstuk);
    }

    [Fact]
    public void Read_WrittenLetterWithWarnings_KeepsFurnitureAndQuality()
    {
        // An Aanhangsel with footnotes its text does not mark, a running header and page numbers.
        var letter = Writing.Support.WordTestFiles.Parse("real-2", "ah-tk-20142015-698.pdf");

        var read = JsonLetterReader.Read(new MemoryStream(Write(letter)));

        Assert.NotEmpty(letter.Quality.Warnings);
        Assert.Equal(letter.Quality.Warnings, read.Quality.Warnings);
        Assert.Equal(letter.Quality.Flags, read.Quality.Flags);
        Assert.Equal((letter.Quality.Coverage, letter.Quality.TextSource), (read.Quality.Coverage, read.Quality.TextSource));
        Assert.Equal(letter.Furniture, read.Furniture);
    }

    [Theory]
    [InlineData("ah-tk-20232024-1786.pdf")]
    [InlineData("ah-tk-20232024-1481.pdf")]
    public void Read_WrittenAanhangsel_KeepsItsQuestions(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Corpus.Root, "real", file));
        var letter = new LetterParser().Parse(bytes, file, Convert.ToHexStringLower(SHA256.HashData(bytes))).Letter;
        var written = Write(letter);

        var read = JsonLetterReader.Read(new MemoryStream(written));

        Assert.Equal(Encoding.UTF8.GetString(written), Encoding.UTF8.GetString(Write(read)));
        Assert.NotNull(read.Questions);
        Assert.Equal(letter.Questions!.Items.Select(i => (string.Join(",", i.Numbers), i.Question, i.Answer, string.Join(",", i.Footnotes))),
            read.Questions.Items.Select(i => (string.Join(",", i.Numbers), i.Question, i.Answer, string.Join(",", i.Footnotes))));
        Assert.Equal((letter.Questions.Submitted, letter.Questions.Received), (read.Questions.Submitted, read.Questions.Received));
    }

    [ToolFact("qpdf")]
    public void Read_WrittenRepairedLetter_KeepsItsQuality()
    {
        // PdfPig refuses this nota's cross-reference stream; it is read after qpdf rebuilt it.
        var letter = LetterPdf.Read(Path.Combine(Corpus.Root, "real-2", "bijlage-aenm-2025-contourennota-spreidingswet.pdf"));
        var written = Write(letter);

        var read = JsonLetterReader.Read(new MemoryStream(written));

        Assert.Equal([Model.QualityFlags.Repaired], read.Quality.Flags);
        Assert.Equal(Model.TextSources.TextLayer, read.Quality.TextSource);
        Assert.Equal(Encoding.UTF8.GetString(written), Encoding.UTF8.GetString(Write(read)));
    }

    [Theory]
    [InlineData("{\"dossier\": \"36045\", \"number\": \"145\", \"vergaderjaar\": \"2022-2023\", \"date\": \"2023-02-14\", \"id\": \"kst-36045-145\"}", Model.LetterKind.Kamerstuk)]
    [InlineData("null", Model.LetterKind.Other)]
    public void Read_JsonOfConverter11_HasNoIdentityFieldsAndAKindFromItsKamerstuk(string kamerstuk, Model.LetterKind kind)
    {
        // Written before kind, publicationId and letterhead were added (same schemaVersion).
        var json = $$"""
            {"schemaVersion": 1, "source": {"file": "a.pdf", "sha256": "{{new string('0', 64)}}", "pages": 1}, "title": "Brief",
             "kamerstuk": {{kamerstuk}}, "date": null, "sections": [], "footnotes": [], "references": []}
            """;

        var letter = JsonLetterReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.Equal((kind, null, null), (letter.Kind, letter.PublicationId, letter.Letterhead));
        Assert.Null(letter.Kamerstuk?.DossierTitle);
    }

    [Fact]
    public void Read_LetterWithLetterhead_ReadsEveryField()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Corpus.Root, "real-2", "kamerbrief-ienw-2023-verzamelbrief-luchtvaart.pdf"));
        var letter = new LetterParser().Parse(bytes, "brief.pdf", Convert.ToHexStringLower(SHA256.HashData(bytes))).Letter;

        var read = JsonLetterReader.Read(new MemoryStream(Write(letter)));

        Assert.Equal((letter.Kind, letter.PublicationId, letter.Letterhead), (read.Kind, read.PublicationId, read.Letterhead));
        Assert.NotNull(read.Letterhead?.Subject);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 99}", "schemaVersion 99")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"schemaVersion\": 1, \"source\": {\"sha256\": \"ab\", \"pages\": 1}}", "'file'")]
    public void Read_NotALetterOfThisContract_ThrowsInvalidData(string json, string message)
    {
        var ex = Assert.Throws<InvalidDataException>(() => JsonLetterReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    private static byte[] Write(Model.Letter letter)
    {
        using var stream = new MemoryStream();
        new JsonLetterWriter().Write(letter, stream);
        return stream.ToArray();
    }
}
