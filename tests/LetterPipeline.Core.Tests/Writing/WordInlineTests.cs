using LetterPipeline.Core.Model;
using LetterPipeline.Core.Reading;
using LetterPipeline.Core.Tests.Writing.Support;
using LetterPipeline.Core.Writing;
using static LetterPipeline.Core.Tests.Writing.Support.SampleLetters;

namespace LetterPipeline.Core.Tests.Writing;

/// <summary>Emphasis and web addresses go from the JSON into Word runs and hyperlinks; tables into real Word tables.</summary>
public sealed class WordInlineTests
{
    private const string Sentence = "Het kabinet besluit dat de maatregel vervalt; zie https://www.rijksoverheid.nl/documenten/2023/01/besluit.pdf voor de brief.";

    [Fact]
    public void Write_StylesAndAddresses_RoundTripFromJsonIntoWordRunsAndHyperlinks()
    {
        var besluit = Sentence.IndexOf("besluit", StringComparison.Ordinal);
        var maatregel = Sentence.IndexOf("de maatregel vervalt", StringComparison.Ordinal);
        var paragraph = Text(Sentence, ("1", Sentence.IndexOf(';', StringComparison.Ordinal))) with
        {
            Styles =
            [
                new InlineStyle(besluit, "besluit".Length, InlineStyles.Bold),
                new InlineStyle(maatregel, "de maatregel vervalt".Length, InlineStyles.Italic),
                new InlineStyle(maatregel + 3, "maatregel".Length, InlineStyles.Underline),
            ],
        };
        var letter = Create("Besluit", [new Section(0, null, [paragraph])], [Note("1", "Zie ook www.tweedekamer.nl/kamerstukken/brieven.")]);

        var document = WriteAndRead(ThroughJson(letter));

        Assert.Empty(document.ValidationErrors);
        var read = document.Paragraphs.Single(p => p.Text == Sentence);
        Assert.Equal(paragraph.Styles.Select(s => (s.Start, s.Length, s.Style)).OrderBy(s => s.Start).ThenBy(s => s.Style, StringComparer.Ordinal), read.Styles);
        Assert.Equal([new ReadLink("https://www.rijksoverheid.nl/documenten/2023/01/besluit.pdf", "https://www.rijksoverheid.nl/documenten/2023/01/besluit.pdf")], read.Links);
        Assert.Equal(Sentence.IndexOf(';', StringComparison.Ordinal), Assert.Single(read.Markers).Offset);
        Assert.Equal([new ReadLink("www.tweedekamer.nl/kamerstukken/brieven", "https://www.tweedekamer.nl/kamerstukken/brieven")], Assert.Single(document.Footnotes).Links);
        WordRoundTrip.AssertMatches(letter, document);
    }

    [Fact]
    public void Write_TableParagraph_IsAWordTableWithItsMarkerInItsCell()
    {
        var rows = new IReadOnlyList<string>[] { ["Taak", "Artikel", "Opmerking"], ["Adviseren over regeldruk", "Artikel 3", ""], ["Staten-Generaal adviseren", "Artikel 4", "Nieuw"] };
        var text = string.Join(' ', rows.SelectMany(r => r).Where(c => c.Length > 0));
        var table = Text(text, ("1", text.IndexOf("Artikel 3", StringComparison.Ordinal) + "Artikel 3".Length)) with { Table = rows };
        var letter = Create("Bijlage", [new Section(0, null, [Text("Onderstaande tabel geeft de taken."), table])], [Note("1", "Voorgesteld artikel 3.")]);

        var document = WriteAndRead(ThroughJson(letter));

        Assert.Empty(document.ValidationErrors);
        var read = document.Paragraphs.Single(p => p.Cells is not null);
        Assert.Equal(rows.Select(r => string.Join("|", r)), read.Cells!.Select(r => string.Join("|", r)));
        Assert.Equal(text, read.Text);
        Assert.Equal(("1", text.IndexOf("Artikel 3", StringComparison.Ordinal) + "Artikel 3".Length), (read.Markers[0].Number, read.Markers[0].Offset));
        WordRoundTrip.AssertMatches(letter, document);
    }

    private static Letter ThroughJson(Letter letter)
    {
        using var json = new MemoryStream();
        new JsonLetterWriter().Write(letter, json);
        json.Position = 0;
        return JsonLetterReader.Read(json);
    }

    private static ReadDocument WriteAndRead(Letter letter)
    {
        using var stream = new MemoryStream();
        new WordLetterWriter().Write(letter, stream);
        return WordDocumentReader.Read(stream.ToArray());
    }
}
