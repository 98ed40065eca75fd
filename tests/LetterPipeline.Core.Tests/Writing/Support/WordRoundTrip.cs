using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Tests.Writing.Support;

/// <summary>Checks that a .docx read back says what the <see cref="Letter"/> said.</summary>
internal static class WordRoundTrip
{
    public static void AssertMatches(Letter letter, ReadDocument document)
    {
        Assert.Empty(document.ValidationErrors);

        var expected = new List<string>();
        if (!string.IsNullOrEmpty(letter.Title))
        {
            expected.Add($"Title|{letter.Title}");
        }

        foreach (var section in letter.Sections)
        {
            if (!string.IsNullOrEmpty(section.Heading))
            {
                expected.Add($"Heading{Math.Clamp(section.Level, 1, 6)}|{section.Heading}");
            }

            foreach (var paragraph in section.Paragraphs)
            {
                expected.Add($"{(paragraph.Table is not null ? "Table" : paragraph.ListItem ? "ListParagraph" : "Normal")}|{paragraph.Text}");
            }
        }

        // The identity block leads page 1: each field the letter knows, on a row of its own.
        var identity = document.Paragraphs.TakeWhile(p => p.Style == "LetterIdentity").Select(p => p.Text).ToList();
        AssertIdentityBlock(letter, identity);
        var actual = document.Paragraphs.Skip(identity.Count).Select(p => $"{p.Style}|{p.Text}").ToList();
        // An empty letter body still gets one empty paragraph to carry unreferenced footnotes; nothing else may be added.
        if (actual.Count == expected.Count + 1 && actual[^1] == "Normal|")
        {
            actual.RemoveAt(actual.Count - 1);
        }

        Assert.Equal(expected, actual);
        Assert.Equal(string.IsNullOrEmpty(letter.Title) ? null : letter.Title, document.Title);

        var listParagraphs = document.Paragraphs.Where(p => p.Style == "ListParagraph").ToArray();
        Assert.All(listParagraphs, p => Assert.NotNull(p.NumberingId));
        Assert.All(document.Paragraphs.Where(p => p.Style != "ListParagraph"), p => Assert.Null(p.NumberingId));
        var tables = letter.Sections.SelectMany(s => s.Paragraphs).Where(p => p.Table is not null).Select(p => p.Table!).ToArray();
        var written = document.Paragraphs.Where(p => p.Cells is not null).Select(p => p.Cells!).ToArray();
        Assert.Equal(tables.Length, written.Length);
        for (var t = 0; t < tables.Length; t++)
        {
            var columns = tables[t].Max(r => r.Count);
            Assert.Equal(tables[t].Select(r => string.Join("|", r.Concat(Enumerable.Repeat("", columns - r.Count)))), written[t].Select(r => string.Join("|", r)));
        }

        AssertFootnotes(letter, document);
    }

    private static void AssertIdentityBlock(Letter letter, List<string> rows)
    {
        string?[] known =
        [
            letter.PublicationId, letter.Kamerstuk?.Dossier, letter.Kamerstuk?.DossierTitle, letter.Letterhead?.Subject, letter.Letterhead?.Reference,
            letter.Date?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")),
        ];
        Assert.All(known.OfType<string>().Select(WordTextOf), field => Assert.Contains(rows, row => row.Contains(field, StringComparison.Ordinal)));
        if (known.All(k => k is null) && letter.Kind == LetterKind.Other)
        {
            Assert.Empty(rows);
        }
    }

    /// <summary>As Word carries text: characters XML cannot hold become U+FFFD.</summary>
    private static string WordTextOf(string text) =>
        new(text.Select(c => c < ' ' && c is not ('\t' or '\n' or '\r') ? '\uFFFD' : c).ToArray());

    private static void AssertFootnotes(Letter letter, ReadDocument document)
    {
        Assert.Equal([-1, 0], document.SpecialFootnoteIds);
        Assert.Equal(letter.Footnotes.Select(f => f.Text).Order(StringComparer.Ordinal), document.Footnotes.Select(f => f.Text).Order(StringComparer.Ordinal));
        Assert.All(document.Footnotes, f => Assert.Equal("FootnoteText", f.Style));
        var notesById = document.Footnotes.ToDictionary(f => f.Id);

        // Every model marker (in the title, a heading or a paragraph) stands at its offset, shows its number, and
        // (when the letter has that footnote) points at a note with that footnote's text.
        var places = Places(letter);
        var body = document.Paragraphs.SkipWhile(p => p.Style == "LetterIdentity").ToList();
        var footnoteTexts = letter.Footnotes.ToLookup(f => f.Number, f => f.Text);
        for (var i = 0; i < places.Count; i++)
        {
            var (text, markers) = places[i];
            var model = markers.OrderBy(m => m.Offset).ToArray();
            var read = body[i].Markers;
            Assert.True(read.Count >= model.Length, $"paragraph {i}: {model.Length} markers written as {read.Count}");
            for (var m = 0; m < model.Length; m++)
            {
                Assert.Equal(model[m].Number, read[m].Number);
                Assert.Equal(Math.Clamp(model[m].Offset, 0, text.Length), read[m].Offset);
                if (read[m].FootnoteId is { } id)
                {
                    Assert.Contains(notesById[id].Text, footnoteTexts[model[m].Number]);
                }
            }
        }

        // A marker is left without a note only when the letter has fewer footnotes with its number than markers.
        var unresolved = places.SelectMany(p => p.Markers).GroupBy(m => m.Number)
            .Sum(g => Math.Max(0, g.Count() - footnoteTexts[g.Key].Count()));
        Assert.Equal(unresolved, document.Paragraphs.SelectMany(p => p.Markers).Count(m => m.FootnoteId is null));

        // Every note is cited exactly once, so Word and LibreOffice show them all.
        var allCitations = document.Paragraphs.SelectMany(p => p.Markers).Where(m => m.FootnoteId is not null).Select(m => m.FootnoteId!.Value).ToArray();
        Assert.Equal(document.Footnotes.Select(f => f.Id).Order(), allCitations.Order());

        foreach (var footnote in letter.Footnotes)
        {
            var note = document.Footnotes.First(n => n.Text == footnote.Text);
            // Every link goes to one of the footnote's references and lies inside that reference's printed citation,
            // or is a web address printed in the note, linking to itself.
            Assert.All(note.Links, link => Assert.True(
                footnote.References.Any(r => r.Url == link.Url && r.Text.Contains(link.Text, StringComparison.Ordinal)) || IsPrintedAddress(link),
                $"footnote {footnote.Number}: link '{link.Text}' → {link.Url}"));
            foreach (var printed in footnote.References.GroupBy(r => r.Text).Where(g => g.Key.Length > 0 && footnote.Text.Contains(g.Key, StringComparison.Ordinal)))
            {
                if (printed.Select(r => r.Id).Distinct().Count() == 1)
                {
                    // A citation of one paper links as a whole.
                    Assert.Contains(new ReadLink(printed.Key, printed.First().Url), note.Links);
                }
                else
                {
                    // A citation of several papers links at least two of them, each inside the citation.
                    Assert.True(printed.Where(r => note.Links.Any(l => l.Url == r.Url)).Select(r => r.Id).Distinct().Count() >= 2,
                        $"footnote {footnote.Number}: '{printed.Key}' cites {printed.Count()} papers; links: {string.Join(", ", note.Links)}");
                }
            }
        }
    }

    private static bool IsPrintedAddress(ReadLink link) =>
        Uri.TryCreate(link.Text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + link.Text : link.Text, UriKind.Absolute, out var printed)
        && Uri.TryCreate(link.Url, UriKind.Absolute, out var target) && printed.AbsoluteUri == target.AbsoluteUri;

    /// <summary>The title, headings and paragraphs in the order they are written, with their markers.</summary>
    private static List<(string Text, IReadOnlyList<FootnoteMarker> Markers)> Places(Letter letter)
    {
        var places = new List<(string, IReadOnlyList<FootnoteMarker>)>();
        if (!string.IsNullOrEmpty(letter.Title))
        {
            places.Add((letter.Title, letter.TitleMarkers));
        }

        foreach (var section in letter.Sections)
        {
            if (!string.IsNullOrEmpty(section.Heading))
            {
                places.Add((section.Heading, section.HeadingMarkers));
            }

            places.AddRange(section.Paragraphs.Select(p => (p.Text, p.Markers)));
        }

        return places;
    }
}
