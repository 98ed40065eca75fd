using LetterPipeline.Core.Model;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Core.Tests.Writing.Support;

/// <summary>A letter written as .docx and printed to PDF by LibreOffice, in a temp folder removed on dispose.</summary>
internal sealed class RenderedLetter : IDisposable
{
    private RenderedLetter(string folder, string docx, string pdf, ReadDocument document, IReadOnlyList<string> pages)
    {
        Folder = folder;
        Docx = docx;
        Pdf = pdf;
        Document = document;
        Pages = pages;
    }

    public string Folder { get; }

    public string Docx { get; }

    public string Pdf { get; }

    /// <summary>The .docx as written, read back.</summary>
    public ReadDocument Document { get; }

    /// <summary>pdftotext's text of each printed page.</summary>
    public IReadOnlyList<string> Pages { get; }

    public static RenderedLetter Render(Letter letter, string stem)
    {
        Assert.True(LibreOffice.Missing is null, LibreOffice.Missing);
        var folder = Directory.CreateTempSubdirectory("letterpipe-docx-").FullName;
        var docx = Path.Combine(folder, stem + ".docx");
        using (var stream = File.Create(docx))
        {
            new WordLetterWriter().Write(letter, stream);
        }

        var pdf = LibreOffice.Convert(docx, folder, "pdf");
        return new RenderedLetter(folder, docx, pdf, WordDocumentReader.Read(File.ReadAllBytes(docx)), LibreOffice.PageTexts(pdf));
    }

    /// <summary>Letters and digits only: line breaks, layout spaces, hyphens and punctuation differ between renderers.</summary>
    public static string Normalize(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    /// <summary>The 1-based pages whose text contains <paramref name="text"/> (compared normalised).</summary>
    public IReadOnlyList<int> PagesContaining(string text)
    {
        var needle = Normalize(text);
        return Enumerable.Range(0, Pages.Count).Where(i => Normalize(Pages[i]).Contains(needle, StringComparison.Ordinal)).Select(i => i + 1).ToArray();
    }

    /// <summary>
    /// For every footnote reference in the body: the page its marker was printed on and the page(s) where the
    /// footnote's text begins. The marker is found by the text printed just before it with its number glued on,
    /// the way it is printed ("toegezegd3").
    /// </summary>
    public IReadOnlyList<FootnotePlacement> FootnotePlacements()
    {
        var notes = Document.Footnotes.ToDictionary(f => f.Id);
        var placements = new List<FootnotePlacement>();
        foreach (var paragraph in Document.Paragraphs)
        {
            foreach (var marker in paragraph.Markers.Where(m => m.FootnoteId is not null))
            {
                var printed = Printed(paragraph, marker);
                var note = notes[marker.FootnoteId!.Value];
                var noteStart = new string(Normalize(note.Text).Take(30).ToArray());
                placements.Add(new FootnotePlacement(marker.Number, printed, PagesContaining(printed), noteStart, PagesContaining(noteStart)));
            }
        }

        return placements;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    // A short stretch of the paragraph as printed (every marker's number in place) ending with this marker's
    // number; for a marker at the start of a paragraph, the stretch starting with it.
    private static string Printed(ReadParagraph paragraph, ReadMarker marker)
    {
        var printed = new System.Text.StringBuilder();
        int? numberStart = null;
        var position = 0;
        foreach (var m in paragraph.Markers)
        {
            printed.Append(Normalize(paragraph.Text[position..m.Offset]));
            position = m.Offset;
            if (ReferenceEquals(m, marker))
            {
                numberStart = printed.Length;
            }

            printed.Append(Normalize(m.Number));
        }

        printed.Append(Normalize(paragraph.Text[position..]));
        var text = printed.ToString();
        var end = numberStart!.Value + Normalize(marker.Number).Length;
        return numberStart >= 12 ? text[Math.Max(0, end - 24)..end] : text[numberStart.Value..Math.Min(text.Length, end + 24)];
    }
}

/// <summary>Where one footnote's marker and text were printed (1-based pages).</summary>
internal sealed record FootnotePlacement(string Number, string MarkerContext, IReadOnlyList<int> MarkerPages, string TextStart, IReadOnlyList<int> TextPages);
