using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Ocr;
using LetterPipeline.Core.Reading;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Reading;

/// <summary>A text layer of letter soup is recognised as such; readable text in any language is not.</summary>
public sealed class TextLayerCheckTests
{
    // Type3 fonts without a Unicode map: the text layer is control characters and punctuation.
    private const string Garbled = "real-2/zienswijze-nobian-2023-type3-garbled.pdf";

    [Fact]
    public void Parse_Type3FontsWithoutUnicodeMap_IsFlaggedGarbledOnEveryPage()
    {
        var result = Parse(Garbled, new OcrOptions { Enabled = false });

        Assert.Contains(QualityFlags.GarbledText, result.Letter.Quality.Flags);
        Assert.Equal(TextSources.TextLayer, result.Letter.Quality.TextSource);
        Assert.Equal(Enumerable.Range(1, 11), result.Warnings.Where(w => w.Message.Contains("not readable text", StringComparison.Ordinal)).Select(w => w.Page));
    }

    public static TheoryData<string> ReadableDocuments => new(
        Directory.GetFiles(Corpus.Folder("letters"), "*.pdf").Concat(Directory.GetFiles(Corpus.Folder("real"), "*.pdf"))
            .Concat(Directory.GetFiles(Corpus.Folder("real-2"), "*.pdf"))
            .Where(f => !f.EndsWith(Path.GetFileName(Garbled), StringComparison.Ordinal) && !f.EndsWith("-scanned.pdf", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Corpus.Root, f)));

    [ToolTheory("qpdf")] // the contourennota is read only after qpdf rebuilt it
    [MemberData(nameof(ReadableDocuments))]
    public void Parse_ReadableDocument_IsNotFlaggedGarbled(string file)
    {
        var letter = Parse(file, new OcrOptions { Enabled = false }).Letter;

        Assert.DoesNotContain(QualityFlags.GarbledText, letter.Quality.Flags);
    }

    [Theory]
    [InlineData("Lorem ipsum dolor sit amet, consectetur adipiscing elit. In sodales gravida felis, in rhoncus velit rutrum at. Curabitur hendrerit dapibus nulla, ut hendrerit diam imperdiet quis.")]
    [InlineData("Decides that Iraq has been and remains in material breach of its obligations under relevant resolutions, including resolution 687 (1991), in particular through its failure to cooperate.")]
    [InlineData("Begroting 2023 2024 2025 2026 Totaal 1.234,5 2.345,6 3.456,7 4.567,8 12.345,6 5% 7% 9% 11% 13% 15% 17% 19% 21%")]
    [InlineData("本人同意授权审批机构及全国各级居民家庭经济状况核对机构通过司法机关、政府机构、群团组织、金融机构")]
    public void IsGarbled_ReadableTextInAnyLanguage_IsFalse(string text) =>
        Assert.False(TextLayerCheck.IsGarbled(Page(text)), TextLayerCheck.Score(Page(text)).ToString());

    [Theory]
    [InlineData("+,-./,0,1234,052-6,-70,829,02-629-::/;.5,<2=5:>3:3,,-:?,0@,2/9A2=/0.6,3,5:>,-B:>/.3/, @12/26,A.-/A0,,/3,?.-CDE3:3FDE>2<=:,-,10:-1-:6?")]
    [InlineData("Qd kdqhs elmyoy yhu gh hfrqrplvfkh yrrumlwcrxwhq yrru gh hxurcrqh. Gh Hxurshvh Frpplvvlh yhuzdfkw lq kddu qdmddwvudplqj gdw gh jurhl lq 2023 vwhun diczdnw dov jhyrojh ydq gh krjh hqhujlhsulmchq hq gh ddqkrxghqgh lqiodwlh. Gh plqlvwhuv cxoohq rrn vwloovwddq elm gh uhdfwlh ydq kwhq ehjurwlqjvehohlg")]
    public void IsGarbled_LetterSoupOrShiftedLetters_IsTrue(string text) =>
        Assert.True(TextLayerCheck.IsGarbled(Page(text)), TextLayerCheck.Score(Page(text)).ToString());

    [Fact]
    public void IsGarbled_ControlCharacters_IsTrue()
    {
        // What PdfPig gives for Type3 glyphs without a Unicode map: their codes, from U+0003 up. (Built here: control
        // characters in a theory's data break the test runner's protocol.)
        var text = string.Join(' ', Enumerable.Range(0, 12).Select(i => new string(Enumerable.Range(3 + i, 6).Select(c => (char)c).ToArray())));

        Assert.True(TextLayerCheck.IsGarbled(Page(text)), TextLayerCheck.Score(Page(text)).ToString());
    }

    private static PageLines Page(string text) =>
        new(1, 595, 842, [new TextLine(1, 72, 520, 700, 10, false, false, text, [])]);

    private static ParseResult Parse(string file, OcrOptions ocr)
    {
        return LetterPdf.Parse(Path.Combine(Corpus.Root, file), new LetterPdfOptions { Ocr = ocr });
    }
}
