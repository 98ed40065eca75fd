using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Tests.Writing.Support;
using Xunit.Abstractions;

namespace LetterPipeline.Core.Tests.Writing;

/// <summary>The .docx opened by LibreOffice: footnotes print on their marker's page, headings and lists survive.</summary>
public sealed class WordLibreOfficeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Letters => WordTestFiles.CorpusLetters();

    [LibreOfficeFact]
    public void Convert_LongLetter_PrintsEachFootnoteOnItsMarkersPage()
    {
        using var rendered = RenderedLetter.Render(SampleLetters.Long(), "long");

        Assert.True(rendered.Pages.Count >= 3, $"expected at least 3 pages, got {rendered.Pages.Count}");
        var placements = AssertFootnotesOnMarkerPages(rendered);
        Assert.Equal(12, placements.Count);
        // Footnotes on several pages, so a writer that put them all at the end (endnotes) or first page fails.
        Assert.True(placements.Select(p => p.MarkerPages[0]).Distinct().Count() >= 3);
    }

    [LibreOfficeFact]
    public void Convert_LongLetter_KeepsHeadingsAndBulletedList()
    {
        var letter = SampleLetters.Long();
        using var rendered = RenderedLetter.Render(letter, "long");

        AssertHeadingsAndListsPrinted(letter, rendered);
        AssertHeadingsAndListsSurviveResave(letter, rendered);
    }

    [LibreOfficeTheory]
    [MemberData(nameof(Letters))]
    public void Convert_CorpusLetter_FootnotesOnMarkerPagesHeadingsAndListsSurvive(string name)
    {
        var letter = WordTestFiles.ParseCorpusLetter(name);
        using var rendered = RenderedLetter.Render(letter, Path.GetFileNameWithoutExtension(name));

        var placements = AssertFootnotesOnMarkerPages(rendered);
        Assert.Equal(rendered.Document.Footnotes.Count, placements.Count);
        AssertHeadingsAndListsPrinted(letter, rendered);
        AssertHeadingsAndListsSurviveResave(letter, rendered);
    }

    [LibreOfficeTheory]
    [InlineData("real", "kst-35538-4.pdf")] // footnote 1 is cited from a heading
    [InlineData("real-2", "kst-36450-6.pdf")] // a bijlage table with a second series restarting at 1
    public void Convert_RealDocument_LibreOfficeOpensEachReferencesOwnNote(string folder, string name)
    {
        var letter = WordTestFiles.Parse(folder, name);
        using var rendered = RenderedLetter.Render(letter, Path.GetFileNameWithoutExtension(name));
        var resaveFolder = Path.Combine(rendered.Folder, "resaved");
        Directory.CreateDirectory(resaveFolder);

        // What LibreOffice understood, saved again: every reference must open the note it opened when written
        // (LibreOffice saves a custom mark into the note's text, so the note's own number is not compared).
        var resaved = WordDocumentReader.Read(File.ReadAllBytes(LibreOffice.Convert(rendered.Docx, resaveFolder, "docx")));

        Assert.Equal(NotesInCitationOrder(rendered.Document).Select(WithoutLeadingNumber), NotesInCitationOrder(resaved).Select(WithoutLeadingNumber));
    }

    private static string WithoutLeadingNumber(string note) => RenderedLetter.Normalize(note).TrimStart("0123456789".ToCharArray());

    private static IEnumerable<string> NotesInCitationOrder(ReadDocument document)
    {
        var notes = document.Footnotes.ToDictionary(f => f.Id, f => f.Text);
        return document.Paragraphs.SelectMany(p => p.Markers).Where(m => m.FootnoteId is not null).Select(m => notes[m.FootnoteId!.Value]);
    }

    private IReadOnlyList<FootnotePlacement> AssertFootnotesOnMarkerPages(RenderedLetter rendered)
    {
        var placements = rendered.FootnotePlacements();
        foreach (var p in placements)
        {
            output.WriteLine($"footnote {p.Number}: marker '{p.MarkerContext}' on page(s) {string.Join(",", p.MarkerPages)}, text '{p.TextStart}' on page(s) {string.Join(",", p.TextPages)}");
        }

        Assert.All(placements, p =>
        {
            Assert.True(p.MarkerPages.Count == 1, $"marker {p.Number} ('{p.MarkerContext}') found on pages [{string.Join(",", p.MarkerPages)}]");
            Assert.Contains(p.MarkerPages[0], p.TextPages);
        });
        return placements;
    }

    private static void AssertHeadingsAndListsPrinted(Letter letter, RenderedLetter rendered)
    {
        var lines = rendered.Pages.SelectMany(p => p.Split('\n')).Select(l => l.Trim()).ToArray();
        foreach (var heading in letter.Sections.Select(s => s.Heading).OfType<string>().Where(h => h.Length > 0))
        {
            // A heading is a line of its own; only a very long one may wrap, so compare its first words.
            var start = RenderedLetter.Normalize(heading);
            Assert.Contains(lines, l => RenderedLetter.Normalize(l).Length > 0 && start.StartsWith(RenderedLetter.Normalize(l), StringComparison.Ordinal) && l.Length >= Math.Min(heading.Length, 20));
        }

        foreach (var item in letter.Sections.SelectMany(s => s.Paragraphs).Where(p => p.ListItem && p.Text.Length > 0))
        {
            var firstWords = RenderedLetter.Normalize(string.Join(' ', item.Text.Split(' ').Take(3)));
            Assert.Contains(lines, l => l.StartsWith('•') && RenderedLetter.Normalize(l).StartsWith(firstWords, StringComparison.Ordinal));
        }
    }

    // Saving the document again from LibreOffice shows what it understood: heading styles and a bulleted
    // numbering, not just text that looks like them.
    private static void AssertHeadingsAndListsSurviveResave(Letter letter, RenderedLetter rendered)
    {
        var resaveFolder = Path.Combine(rendered.Folder, "resaved");
        Directory.CreateDirectory(resaveFolder);
        var resaved = LibreOffice.Convert(rendered.Docx, resaveFolder, "docx");

        using var document = WordprocessingDocument.Open(resaved, isEditable: false);
        var main = document.MainDocumentPart!;
        var paragraphs = main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToArray();
        foreach (var section in letter.Sections.Where(s => !string.IsNullOrEmpty(s.Heading)))
        {
            var paragraph = paragraphs.First(p => p.InnerText == section.Heading);
            Assert.Equal($"Heading{Math.Clamp(section.Level, 1, 3)}", paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value);
        }

        var numbering = main.NumberingDefinitionsPart?.Numbering;
        foreach (var item in letter.Sections.SelectMany(s => s.Paragraphs).Where(p => p.ListItem && p.Text.Length > 0))
        {
            var paragraph = paragraphs.First(p => p.InnerText.StartsWith(item.Text, StringComparison.Ordinal));
            var numId = paragraph.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value;
            Assert.True(numId is not null, $"list item lost its numbering: {item.Text}");
            var instance = numbering!.Elements<NumberingInstance>().Single(n => n.NumberID?.Value == numId);
            var definition = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId?.Value == instance.AbstractNumId!.Val!.Value);
            var level = definition.Elements<Level>().Single(l => l.LevelIndex?.Value == 0);
            Assert.Equal(NumberFormatValues.Bullet, level.NumberingFormat?.Val?.Value);
        }
    }
}
