using System.IO.Compression;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Tests.Writing.Support;
using LetterPipeline.Core.Writing;
using static LetterPipeline.Core.Tests.Writing.Support.SampleLetters;

namespace LetterPipeline.Core.Tests.Writing;

public sealed class WordLetterWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 30, 15, TimeSpan.FromHours(1));

    private static ReadDocument WriteAndRead(Letter letter)
    {
        using var stream = new MemoryStream();
        new WordLetterWriter(new FixedClock(Now.AddTicks(1234567))).Write(letter, stream);
        return WordDocumentReader.Read(stream.ToArray());
    }

    [Fact]
    public void Write_VoortgangLetter_PassesValidatorAndRoundTrips()
    {
        var letter = Voortgang();

        var document = WriteAndRead(letter);

        Assert.Empty(document.ValidationErrors);
        WordRoundTrip.AssertMatches(letter, document);
    }

    [Fact]
    public void Write_VoortgangLetter_PutsReferencesAtMarkerOffsets()
    {
        var document = WriteAndRead(Voortgang());

        var militair = document.Paragraphs.Single(p => p.Text.StartsWith("Nederland heeft in januari", StringComparison.Ordinal));
        var afterFirstSentence = militair.Text.IndexOf("toegezegd.", StringComparison.Ordinal) + "toegezegd.".Length;
        Assert.Equal([("2", afterFirstSentence), ("3", militair.Text.Length)], militair.Markers.Select(m => (m.Number, m.Offset)));
        var geld = document.Paragraphs.Single(p => p.Text.StartsWith("Het kabinet heeft in 2022", StringComparison.Ordinal));
        Assert.Equal(0, geld.Markers[0].Offset);
        Assert.All(document.Paragraphs.SelectMany(p => p.Markers), m => Assert.NotNull(m.FootnoteId));
    }

    [Fact]
    public void Write_HeadingLevels_UseHeadingStylesClampedToOneThroughSix()
    {
        var letter = Create("Titel", [new Section(0, "Nul", []), new Section(1, "Een", []), new Section(2, "Twee", []), new Section(3, "Drie", []),
            new Section(5, "Vijf", []), new Section(6, "Zes", []), new Section(7, "Zeven", [])], []);

        var document = WriteAndRead(letter);

        Assert.Equal(["Title", "Heading1", "Heading1", "Heading2", "Heading3", "Heading5", "Heading6", "Heading6"], document.Paragraphs.Select(p => p.Style));
        WordRoundTrip.AssertMatches(letter, document);
    }

    [Fact]
    public void Write_ListItems_AreNumberedBulletParagraphsWithoutBulletCharacter()
    {
        var document = WriteAndRead(Voortgang());

        var items = document.Paragraphs.Where(p => p.NumberingId is not null).ToArray();
        Assert.Equal(["luchtverdediging (Patriot);", "munitie en pantservoertuigen;", "winteruitrusting."], items.Select(p => p.Text));
        Assert.All(items, p => Assert.Equal("ListParagraph", p.Style));
        Assert.True(document.HasBulletNumbering);
        Assert.DoesNotContain(document.Paragraphs, p => p.Text.Contains('•', StringComparison.Ordinal));
    }

    [Fact]
    public void Write_FootnoteReferences_AreHyperlinksToOfficialUrls()
    {
        var document = WriteAndRead(Voortgang());

        var note3 = document.Footnotes.Single(f => f.Text.StartsWith("Kamerstuk 21 501-02", StringComparison.Ordinal));
        Assert.Equal(
            [
                new ReadLink("Kamerstuk 21 501-02, nr. 2586", "https://zoek.officielebekendmakingen.nl/kst-21501-02-2586"),
                new ReadLink("Kamerstuk 36 200-V, nr. 5", "https://zoek.officielebekendmakingen.nl/kst-36200-V-5"),
            ],
            note3.Links);
        Assert.Equal("Kamerstuk 21 501-02, nr. 2586 en Kamerstuk 36 200-V, nr. 5.", note3.Text);
    }

    [Fact]
    public void Write_ReferenceTextNotInFootnote_LeavesPlainText()
    {
        var document = WriteAndRead(Voortgang());

        var note5 = document.Footnotes.Single(f => f.Text == "Kamerstukken 36 045, nr. 999.");
        Assert.Empty(note5.Links);
    }

    [Fact]
    public void Write_Styles_DefineHouseStyleInDutch()
    {
        var document = WriteAndRead(Voortgang());

        Assert.Equal("Title", document.StyleNames["Title"]);
        Assert.Equal("heading 1", document.StyleNames["Heading1"]);
        Assert.Equal("heading 2", document.StyleNames["Heading2"]);
        Assert.Equal("heading 3", document.StyleNames["Heading3"]);
        Assert.Equal("Normal", document.StyleNames["Normal"]);
        Assert.Equal("List Paragraph", document.StyleNames["ListParagraph"]);
        Assert.Equal("footnote text", document.StyleNames["FootnoteText"]);
        Assert.Equal("footnote reference", document.StyleNames["FootnoteReference"]);
        Assert.Equal("Hyperlink", document.StyleNames["Hyperlink"]);
        Assert.Equal(["nl-NL"], document.Languages);
    }

    [Fact]
    public void Write_Kamerstuk_SetsCoreAndCustomProperties()
    {
        var document = WriteAndRead(Voortgang());

        Assert.Equal("Voortgangsbrief Nederlandse steun aan Oekraïne", document.Title);
        Assert.Equal("kst-36045-140", document.Subject);
        Assert.Equal(new DateTime(2026, 11, 28, 9, 30, 15, DateTimeKind.Utc), document.Created?.ToUniversalTime());
        Assert.Equal(new DateTime(2026, 11, 28, 9, 30, 15, DateTimeKind.Utc), document.Modified?.ToUniversalTime());
        Assert.Equal("36045", document.CustomProperties["Dossier"]);
        Assert.Equal("140", document.CustomProperties["Nummer"]);
        Assert.Equal("2022–2023", document.CustomProperties["Vergaderjaar"]);
        Assert.Equal("2023-02-14T00:00:00Z", document.CustomProperties["Datum brief"]);
    }

    [Fact]
    public void Write_Kamerstuk_StartsWithItsIdentityBlock()
    {
        var letter = Voortgang() with
        {
            Kamerstuk = new LetterIdentity("36045", "140", "2022–2023", new DateOnly(2023, 2, 14), "Situatie in Oekraïne", "BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE"),
        };

        var document = WriteAndRead(letter);

        Assert.Equal(
            ["Soort: Kamerstuk", "Publicatie: kst-36045-140", "Dossier: 36045 Situatie in Oekraïne", "Datum: 14 februari 2023"],
            document.Paragraphs.TakeWhile(p => p.Style == "LetterIdentity").Select(p => p.Text));
        Assert.Equal("Title", document.Paragraphs[4].Style);
        Assert.Equal("Letter Identity", document.StyleNames["LetterIdentity"]);
        Assert.Equal("Situatie in Oekraïne", document.CustomProperties["Dossiertitel"]);
        Assert.Equal("BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE", document.CustomProperties["Documentsoort"]);
        Assert.Equal("Kamerstuk", document.CustomProperties["Soort"]);
        Assert.Equal("kst-36045-140", document.CustomProperties["Publicatie"]);
    }

    [Fact]
    public void Write_LetterWithLetterhead_ShowsSubjectAndReferenceAndKeepsTheLetterhead()
    {
        var letter = Create("Verzamelbrief luchtvaart", [new Section(0, null, [Text("Geachte voorzitter,")])], []) with
        {
            Kind = LetterKind.Letter,
            Date = new DateOnly(2023, 10, 18),
            Letterhead = new Letterhead("Ministerie van Infrastructuur en Waterstaat", "De voorzitter van de Tweede Kamer der Staten-Generaal",
                "Verzamelbrief luchtvaart", "IENW/BSK-2023/297705", null, "1", null),
        };

        var document = WriteAndRead(letter);

        Assert.Equal(
            ["Soort: Brief", "Datum: 18 oktober 2023", "Betreft: Verzamelbrief luchtvaart", "Kenmerk: IENW/BSK-2023/297705"],
            document.Paragraphs.TakeWhile(p => p.Style == "LetterIdentity").Select(p => p.Text));
        Assert.Equal("Brief", document.CustomProperties["Soort"]);
        Assert.Equal("Verzamelbrief luchtvaart", document.CustomProperties["Betreft"]);
        Assert.Equal("IENW/BSK-2023/297705", document.CustomProperties["Kenmerk"]);
        Assert.Equal("Ministerie van Infrastructuur en Waterstaat", document.CustomProperties["Afzender"]);
        Assert.Equal("De voorzitter van de Tweede Kamer der Staten-Generaal", document.CustomProperties["Geadresseerde"]);
        Assert.False(document.CustomProperties.ContainsKey("Uw kenmerk"));
        WordRoundTrip.AssertMatches(letter, document);
    }

    [Fact]
    public void Write_NoKamerstukNoTitle_WritesNoSubjectAndNoCustomProperties()
    {
        var letter = Create(null, [new Section(0, null, [Text("Alleen tekst.")])], []);

        var document = WriteAndRead(letter);

        Assert.Null(document.Title);
        Assert.Null(document.Subject);
        Assert.Empty(document.CustomProperties);
        WordRoundTrip.AssertMatches(letter, document);
    }

    [Fact]
    public void Write_NumbersNotInCitationOrder_PrintsTheLettersOwnNumbers()
    {
        // An attachment whose footnotes continue the letter's numbering starts at 7.
        var letter = Create("Bijlage", [new Section(0, null, [Text("Eerste zin. Tweede zin.", ("7", 11), ("8", 23))])],
            [Note("7", "Eerste voetnoot."), Note("8", "Tweede voetnoot.")]);

        var document = WriteAndRead(letter);

        Assert.Equal(["7", "8"], document.Paragraphs[1].Markers.Select(m => m.Number));
        WordRoundTrip.AssertMatches(letter, document);
    }

    [Fact]
    public void Write_MarkerWithoutFootnote_KeepsSuperscriptNumberAndFootnoteWithoutMarkerIsKept()
    {
        var letter = Create("Brief", [new Section(0, null, [Text("Zin met een verloren voetnoot.", ("2", 30))])],
            [Note("1", "Voetnoot zonder marker in de tekst.")]);

        var document = WriteAndRead(letter);

        var markers = document.Paragraphs[1].Markers;
        Assert.Equal(("2", 30, (int?)null), (markers[0].Number, markers[0].Offset, markers[0].FootnoteId));
        Assert.Equal(("1", 30), (markers[1].Number, markers[1].Offset));
        Assert.NotNull(markers[1].FootnoteId);
        WordRoundTrip.AssertMatches(letter, document);
    }

    [Fact]
    public void Write_NumberUsedTwice_EachMarkerTakesTheNextFootnoteWithThatNumber()
    {
        var letter = Create(null, [new Section(0, null, [Text("Eerste. Tweede.", ("1", 7), ("1", 15))])],
            [Note("1", "Eerste noot."), Note("1", "Tweede noot.")]);

        var document = WriteAndRead(letter);

        var notes = document.Footnotes.ToDictionary(f => f.Id, f => f.Text);
        Assert.Equal(["Eerste noot.", "Tweede noot."], document.Paragraphs[0].Markers.Select(m => notes[m.FootnoteId!.Value]));
        WordRoundTrip.AssertMatches(letter, document);
    }

    [Fact]
    public void Write_FootnoteCitedTwice_SecondMarkerIsPlainSuperscript()
    {
        var letter = Create(null, [new Section(0, null, [Text("Eerste. Tweede.", ("1", 7), ("1", 15))])], [Note("1", "Enige noot.")]);

        var document = WriteAndRead(letter);

        Assert.Equal([true, false], document.Paragraphs[0].Markers.Select(m => m.FootnoteId is not null));
        Assert.Equal(["1", "1"], document.Paragraphs[0].Markers.Select(m => m.Number));
        WordRoundTrip.AssertMatches(letter, document);
    }

    [Fact]
    public void Write_OnlyFootnotes_AddsParagraphToCarryThem()
    {
        var letter = Create(null, [], [Note("1", "Een voetnoot.")]);

        var document = WriteAndRead(letter);

        Assert.Single(document.Paragraphs);
        WordRoundTrip.AssertMatches(letter, document);
    }

    [Fact]
    public void Write_ControlCharactersInText_StayValidAndKeepOffsets()
    {
        var letter = Create("Titel\u0001", [new Section(0, null, [Text("Tekst\u0000 met\u0007 stuurtekens.", ("1", 10))])],
            [Note("1", "Noot\u000B.")], new LetterIdentity("36045\u0002", "1\u0003", "2022\u00042023", null));

        var document = WriteAndRead(letter);

        Assert.Empty(document.ValidationErrors);
        var paragraph = document.Paragraphs.Single(p => p.Style == "Normal");
        Assert.Equal("Tekst\uFFFD met\uFFFD stuurtekens.", paragraph.Text);
        Assert.Equal(10, paragraph.Markers[0].Offset);
        Assert.Equal("36045\uFFFD", document.CustomProperties["Dossier"]);
    }

    [Fact]
    public void Write_MarkerOffsetBeyondText_IsPlacedAtTheEnd()
    {
        var letter = Create(null, [new Section(0, null, [Text("Kort.", ("1", 99))])], [Note("1", "Noot.")]);

        var document = WriteAndRead(letter);

        Assert.Equal(5, document.Paragraphs[0].Markers[0].Offset);
        WordRoundTrip.AssertMatches(letter, document);
    }

    [Fact]
    public void Write_TwoLetters_ShareTheHouseStylePartsAndAreDeflated()
    {
        var writer = new WordLetterWriter(new FixedClock(Now));
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        writer.Write(Voortgang(), first);
        writer.Write(Create("Ander", [new Section(1, "Kop", [Text("Tekst.")])], []), second);

        using var a = new ZipArchive(new MemoryStream(first.ToArray()));
        using var b = new ZipArchive(new MemoryStream(second.ToArray()));
        foreach (var part in new[] { "word/styles.xml", "word/numbering.xml", "word/settings.xml" })
        {
            var text = EntryText(a, part);
            Assert.Contains("w:", text, StringComparison.Ordinal);
            Assert.Equal(text, EntryText(b, part));
        }

        var body = a.GetEntry("word/document.xml")!;
        Assert.True(body.CompressedLength < body.Length / 2, $"document.xml: {body.CompressedLength} of {body.Length} bytes");
    }

    private static string EntryText(ZipArchive package, string name)
    {
        using var reader = new StreamReader(package.GetEntry(name)?.Open() ?? throw new InvalidOperationException($"{name} is missing"));
        return reader.ReadToEnd();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
