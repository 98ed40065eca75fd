using LetterPipeline.Evaluation;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Ocr;
using LetterPipeline.Core.Parsing;
using LetterPipeline.Core.Tests.Support;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Core.Tests.Ocr;

/// <summary>
/// Scanned pages and garbled text layers are read by Tesseract into the same stages as a text layer: the scan of
/// a corpus letter comes out with its title, headings, paragraphs, footnotes and markers.
/// </summary>
public sealed class OcrTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("letterpipe-ocr-tests-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [ToolFact("tesseract", "pdftoppm")]
    public void Parse_ScannedLetter_ReadsItsStructureByOcr()
    {
        // A 300 dpi scan of letters/rbz-2022-12.kst.sans.pdf, its gold beside it.
        const string name = "rbz-2022-12.kst.sans.scan";
        var letter = Parse(Path.Combine("scanned", name + ".pdf"));
        using (var output = File.Create(Path.Combine(temp, name + ".json")))
        {
            new JsonLetterWriter().Write(letter, output);
        }

        var score = CorpusEvaluator.Evaluate(Corpus.Folder("scanned"), temp).Summary;

        Assert.Equal([QualityFlags.Ocr], letter.Quality.Flags);
        Assert.Equal(TextSources.Ocr, letter.Quality.TextSource);
        Assert.Equal(1.0, score.TitleAcc);
        Assert.True(score.WordRecall >= 0.97, $"word recall {score.WordRecall}");
        Assert.True(score.HeadingRecall >= 0.9, $"heading recall {score.HeadingRecall}");
        Assert.Equal(0, score.FootnoteCountDiff);
        Assert.True(score.MarkerLinkAcc >= 0.8, $"marker links {score.MarkerLinkAcc}");
        Assert.Equal(["1", "2", "3", "4", "5", "6"], letter.Footnotes.Select(f => f.Number));
        Assert.Equal("kst-21501-02-2590", letter.Kamerstuk?.Id);
    }

    [ToolFact("tesseract", "pdftoppm")]
    public void Read_GarbledTextLayer_ReadsDictionaryWordsByOcr()
    {
        // Page 1 of the letter whose Type3 fonts have no Unicode map: its text layer is letter soup.
        var pdf = File.ReadAllBytes(Path.Combine(Corpus.Root, "real-2", "zienswijze-nobian-2023-type3-garbled.pdf"));

        var page = Assert.Single(new OcrReader(new OcrOptions()).Read(pdf, [1], CancellationToken.None));

        var words = page.Lines.SelectMany(l => l.Text.Split(' ')).Select(Vocabulary.TrimPunctuation)
            .Where(w => w.Length >= 2 && w.All(char.IsLetter)).ToList();
        Assert.True(words.Count > 200, $"{words.Count} words");
        Assert.True(words.Count(Vocabulary.InWordList) >= 0.9 * words.Count, $"{words.Count(Vocabulary.InWordList)} of {words.Count} known");
    }

    [Fact]
    public void Parse_ScanWithOcrSwitchedOff_FailsNamingWhy()
    {
        var failure = Assert.Throws<LetterFormatException>(() => Parse(Path.Combine("bad", "scanned.pdf"), new OcrOptions { Enabled = false }));

        Assert.Equal(FailureCode.NoTextLayer, failure.Code);
        Assert.Contains("Ocr:Enabled=false", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextPdf_NeverUsesOcr()
    {
        // An OCR configuration that could not run (no such language): a text PDF must not need it.
        var letter = Parse(Path.Combine("letters", "rbz-2022-12.kst.sans.pdf"), new OcrOptions { Enabled = true, Languages = "xx" });

        Assert.Equal(TextSources.TextLayer, letter.Quality.TextSource);
        Assert.Empty(letter.Quality.Flags);
    }

    private static Letter Parse(string file, OcrOptions? ocr = null)
    {
        return LetterPdf.Parse(Path.Combine(Corpus.Root, file), new LetterPdfOptions { Ocr = ocr }).Letter;
    }

}
