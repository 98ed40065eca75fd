using LetterPipeline.Core.Model;
using LetterPipeline.Core.Reading;
using LetterPipeline.Core.Tests.Writing.Support;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Core.Tests.Writing;

/// <summary>
/// Every corpus document through JSON into Word: each footnote reference in the .docx opens the JSON footnote of its
/// number, whichever way a reader binds notes (by id, as Word does, or by order, as LibreOffice does).
/// </summary>
public sealed class WordFootnoteBindingTests
{
    public static TheoryData<string, string> Documents => WordTestFiles.AllDocuments();

    [Theory]
    [MemberData(nameof(Documents))]
    public void Write_CorpusDocument_EachReferenceOpensTheFootnoteOfItsNumber(string folder, string name)
    {
        var (letter, document) = ThroughJsonToWord(folder, name);

        var references = document.Paragraphs.SelectMany(p => p.Markers).Where(m => m.FootnoteId is not null).ToArray();
        // A reader that takes the notes in file order binds the same note as one that follows the ids.
        Assert.Equal(document.Footnotes.Select(f => f.Id), references.Select(r => r.FootnoteId!.Value));
        Assert.Equal(letter.Footnotes.Count, document.Footnotes.Count);

        // The k-th reference showing number n opens the k-th footnote numbered n (a second series repeats numbers).
        var notes = document.Footnotes.ToDictionary(f => f.Id, f => f.Text);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            var k = seen[reference.Number] = seen.GetValueOrDefault(reference.Number) + 1;
            var expected = letter.Footnotes.Where(f => f.Number == reference.Number).Select(f => f.Text).ElementAtOrDefault(k - 1);
            Assert.True(expected is not null, $"{name}: reference {reference.Number} (#{k}) has no JSON footnote of that number");
            Assert.Equal(expected, notes[reference.FootnoteId!.Value]);
        }
    }

    [Fact]
    public void Write_MarkerInTheHeaderBlock_ItsNoteIsStillCitedAndLaterMarkersKeepTheirNotes()
    {
        var (letter, document) = ThroughJsonToWord("real", "kst-35538-4.pdf");

        // "… EN NADER RAPPORT¹" is the header block's document kind (the head, not the text): its note is cited first.
        Assert.Equal("ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER RAPPORT", letter.Kamerstuk!.DocumentKind);
        var notes = document.Footnotes.ToDictionary(f => f.Id, f => f.Text);
        var first = document.Paragraphs.SelectMany(p => p.Markers).First(m => m.FootnoteId is not null);
        Assert.StartsWith("De oorspronkelijke tekst van het voorstel", notes[first.FootnoteId!.Value], StringComparison.Ordinal);
        var virus = document.Paragraphs.Single(p => p.Text.StartsWith("De GGD heeft op grond van de Wpg", StringComparison.Ordinal));
        Assert.Equal("Artikel 6, eerste lid, onder c, Wpg.", notes[virus.Markers[0].FootnoteId!.Value]);
        // Numbered 1, 2, 3… in citation order again, so Word's own numbering prints them (no doubled custom marks).
        Assert.Equal(Enumerable.Range(1, document.Footnotes.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            document.Paragraphs.SelectMany(p => p.Markers).Where(m => m.FootnoteId is not null).Select(m => m.Number));
    }

    [Fact]
    public void Write_SecondFootnoteSeries_BijlageMarkersOpenTheBijlagesFootnote()
    {
        var (_, document) = ThroughJsonToWord("real-2", "kst-36450-6.pdf");

        var notes = document.Footnotes.ToDictionary(f => f.Id, f => f.Text);
        var ones = document.Paragraphs.SelectMany(p => p.Markers).Where(m => m.Number == "1").ToArray();
        Assert.Equal(3, ones.Length);
        Assert.StartsWith("Instellingsbesluit Adviescollege toetsing regeldruk", notes[ones[0].FootnoteId!.Value], StringComparison.Ordinal);
        Assert.StartsWith("In artikel 3, tweede lid, worden de volgende uitzonderingen", notes[ones[1].FootnoteId!.Value], StringComparison.Ordinal);
        // Word cannot open one note from two places: the table's second marker stays its printed number.
        Assert.Null(ones[2].FootnoteId);
    }

    private static (Letter Letter, ReadDocument Document) ThroughJsonToWord(string folder, string name)
    {
        using var json = new MemoryStream();
        new JsonLetterWriter().Write(WordTestFiles.Parse(folder, name), json);
        json.Position = 0;
        var letter = JsonLetterReader.Read(json);
        using var docx = new MemoryStream();
        new WordLetterWriter().Write(letter, docx);
        var document = WordDocumentReader.Read(docx.ToArray());
        Assert.Empty(document.ValidationErrors);
        return (letter, document);
    }
}
