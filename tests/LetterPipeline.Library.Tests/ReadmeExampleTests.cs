using System.Security.Cryptography;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using LetterPipeline.Core;

namespace LetterPipeline.Library.Tests;

/// <summary>
/// The README's "Use as a library" example, run line for line on a corpus letter (copied to the output folder as
/// kamerbrief.pdf), and what it wrote: the letter's title, sections and footnotes, in valid JSON and a valid .docx.
/// </summary>
public sealed class ReadmeExampleTests : IDisposable
{
    private const string Title = "GEANNOTEERDE AGENDA VOOR DE NAVO MINISTERIËLE VAN 29 en 30 NOVEMBER 2022";

    private readonly string folder = Directory.CreateTempSubdirectory("letterpipeline-library-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ReadmeExample_CorpusLetter_WritesJsonWithTheLettersContent()
    {
        RunReadmeExample();

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "kamerbrief.json")));
        var root = json.RootElement;
        Assert.Equal("kamerbrief.pdf", root.GetProperty("source").GetProperty("file").GetString());
        Assert.Equal(Sha256Of("kamerbrief.pdf"), root.GetProperty("source").GetProperty("sha256").GetString());
        Assert.Equal(4, root.GetProperty("source").GetProperty("pages").GetInt32());
        Assert.Equal(Title, root.GetProperty("title").GetString());
        var headings = root.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("heading").GetString() ?? "(none)").ToArray();
        Assert.Equal(
            ["Introductie", "Sessie 1: Rusland-Oekraïne", "Sessie 2: Informeel diner Rusland/Oekraïne", "Sessie 3: Strategisch Concept",
             "China", "Afschrikking en verdediging", "Energieveiligheid", "Sessie 4: Kwetsbare landen"],
            headings);
        var footnote = root.GetProperty("footnotes")[0];
        Assert.Equal("1", footnote.GetProperty("number").GetString());
        Assert.StartsWith("Zie Kamerstukken 22 054 en 36 045, nr. 374 van 4 november 2022", footnote.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("kst-36045-121", footnote.GetProperty("references").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void ReadmeExample_CorpusLetter_WritesAValidDocxWithTitleHeadingsAndFootnotes()
    {
        RunReadmeExample();

        using var docx = WordprocessingDocument.Open(Path.Combine(folder, "kamerbrief.docx"), isEditable: false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(docx));
        var paragraphs = docx.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToArray();
        var title = Assert.Single(paragraphs, p => Style(p) == "Title");
        Assert.Equal(Title, title.InnerText);
        Assert.Contains(paragraphs, p => Style(p) == "Heading1" && p.InnerText == "Sessie 3: Strategisch Concept");
        Assert.Contains(paragraphs, p => Style(p) == "Heading2" && p.InnerText == "Energieveiligheid");
        var footnotes = docx.MainDocumentPart.FootnotesPart!.Footnotes!.Elements<Footnote>().Where(f => f.Id?.Value > 0).ToArray();
        Assert.NotEmpty(footnotes);
        Assert.Contains("Zie Kamerstukken 22 054 en 36 045, nr. 374 van 4 november 2022", footnotes[0].InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadmeExample_IsTheReadmesExampleLineForLine()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var section = Array.IndexOf(readme, "## Use as a library");
        Assert.True(section >= 0, "README.md has no \"## Use as a library\" section.");
        var start = Array.IndexOf(readme, "```csharp", section) + 1;
        var end = Array.IndexOf(readme, "```", start);
        var example = readme[start..end].Where(l => l.Length > 0 && !l.StartsWith("using LetterPipeline", StringComparison.Ordinal)).ToArray();

        var source = File.ReadAllLines(Path.Combine(RepositoryRoot(), "tests", "LetterPipeline.Library.Tests", "ReadmeExampleTests.cs"));
        var body = Array.IndexOf(source, "    private static void ReadmeExample()") + 2;
        var tested = source[body..Array.IndexOf(source, "    }", body)].Select(l => l.Trim()).ToArray();

        Assert.Equal(5, example.Length);
        Assert.Equal(example, tested);
    }

    /// <summary>The README's example; <see cref="ReadmeExample_IsTheReadmesExampleLineForLine"/> keeps the two the same.</summary>
    private static void ReadmeExample()
    {
        var letter = LetterPdf.Read("kamerbrief.pdf");
        using var json = File.Create("kamerbrief.json");
        letter.WriteJson(json);
        using var docx = File.Create("kamerbrief.docx");
        letter.WriteDocx(docx);
    }

    /// <summary>Runs the example where it expects its letter: the current directory, holding kamerbrief.pdf.</summary>
    private void RunReadmeExample()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "kamerbrief.pdf"), Path.Combine(folder, "kamerbrief.pdf"));
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            ReadmeExample();
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private string Sha256Of(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file))));

    private static string? Style(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LetterPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("LetterPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
