using BenchmarkDotNet.Attributes;
using LetterPipeline.Core;
using LetterPipeline.Core.Citations;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Parsing;
using LetterPipeline.Core.Writing;
using UglyToad.PdfPig;
using Letter = LetterPipeline.Core.Model.Letter;
using Page = UglyToad.PdfPig.Content.Page;

namespace LetterPipeline.Benchmarks;

/// <summary>
/// The pipeline's stages on one corpus letter. <see cref="Parse"/> is the whole LetterParser (PdfPig, layout,
/// structure, citations); the structure stage alone is what Parse costs beyond PdfPig, Layout and Citations.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private byte[] pdf = [];
    private PdfDocument? document;
    private Page[] pages = [];
    private Letter letter = null!;
    private string[] texts = [];
    private readonly LetterParser parser = new();
    private readonly JsonLetterWriter json = new();
    private readonly WordLetterWriter word = new(TimeProvider.System);
    private readonly MemoryStream sink = new();

    [Params("navo-2022-11.brief.carlito.pdf", "voortgang-oekraine-2023.kst.carlito.pdf")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        pdf = CorpusLetter.Read(File);
        document = PdfDocument.Open(pdf);
        pages = Enumerable.Range(1, document.NumberOfPages).Select(document.GetPage).ToArray();
        letter = parser.Parse(pdf, File, "0").Letter;
        texts = [.. letter.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Text), .. letter.Footnotes.Select(f => f.Text)];
    }

    [GlobalCleanup]
    public void Cleanup() => document?.Dispose();

    /// <summary>PdfPig: open the file and read every page's letters.</summary>
    [Benchmark]
    public int PdfPigPages()
    {
        using var opened = PdfDocument.Open(pdf);
        var letters = 0;
        for (var i = 1; i <= opened.NumberOfPages; i++)
        {
            letters += opened.GetPage(i).Letters.Count;
        }

        return letters;
    }

    /// <summary>Our line building on pages PdfPig already read.</summary>
    [Benchmark]
    public int Layout()
    {
        var lines = 0;
        foreach (var page in pages)
        {
            lines += LineBuilder.Build(page).Lines.Count;
        }

        return lines;
    }

    [Benchmark]
    public Letter Parse() => parser.Parse(pdf, File, "0").Letter;

    [Benchmark]
    public int Citations()
    {
        var references = 0;
        foreach (var text in texts)
        {
            references += CitationParser.Parse(text).Count;
        }

        return references;
    }

    [Benchmark]
    public long Json()
    {
        sink.SetLength(0);
        json.Write(letter, sink);
        return sink.Length;
    }

    [Benchmark]
    public long Docx()
    {
        sink.SetLength(0);
        word.Write(letter, sink);
        return sink.Length;
    }
}

/// <summary>What every converter process pays once: loading the Dutch word list.</summary>
[MemoryDiagnoser]
public class WordListBenchmarks
{
    [Benchmark]
    public int Load() => SortedWordList.LoadDutch().Count;
}
