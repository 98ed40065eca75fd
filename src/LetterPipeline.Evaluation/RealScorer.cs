using LetterPipeline.Core.Model;

namespace LetterPipeline.Evaluation;

/// <summary>
/// score_real.py's counts for one real document: each field counts only when its gold states it (title, date,
/// letterhead subject and reference, dossier title, document kind, headings); leaks, footnotes, marker links and
/// references always. An output without a field scores it as empty.
/// </summary>
internal static class RealScorer
{
    /// <param name="gold">The document's gold file.</param>
    /// <param name="output">Null when the output is missing or unreadable: it scores as an empty letter.</param>
    public static RealCounts Score(GoldLetter gold, ConvertedLetter? output)
    {
        var (letter, header) = output ?? ConvertedLetter.Empty;
        var paragraphs = letter.Sections.SelectMany(s => s.Paragraphs).ToList();
        var body = SharedMeasures.Body(paragraphs);

        // A footnote number cited by several paragraphs belongs to the first of them.
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in paragraphs)
        {
            foreach (var number in p.Footnotes)
            {
                owner.TryAdd(number, TextNormaliser.Norm(p.Text));
            }
        }

        return new RealCounts
        {
            Converted = output is not null,
            // A title stated as "" is stated (the document has none, so the output must have none); other fields count only when non-empty.
            Title = gold.Title is null ? null : Tally.Of(TextNormaliser.Loose(letter.Title) == TextNormaliser.Loose(gold.Title)),
            Date = string.IsNullOrEmpty(gold.Date) ? null : Tally.Of(SharedMeasures.Iso(letter.Date) == GoldDate.Iso(gold.Date)),
            Subject = Loosely(gold.Letterhead?.Subject, header.Subject),
            Reference = Loosely(gold.Letterhead?.Reference, header.Reference),
            DossierTitle = Loosely(gold.DossierTitle, header.DossierTitle),
            DocumentKind = Loosely(gold.DocumentKind, header.DocumentKind),
            Headings = gold.Headings is { } headings ? Headings(headings, letter) : null,
            Leaks = Leaks(gold, body),
            Footnotes = SharedMeasures.Footnotes(gold, letter),
            Links = new Tally(gold.Markers.Count(m => IsAfter(m, owner)), gold.Markers.Count),
            References = SharedMeasures.References(gold, letter),
        };
    }

    private static Tally? Loosely(string? gold, string? output) =>
        string.IsNullOrEmpty(gold) ? null : Tally.Of(TextNormaliser.Loose(output) == TextNormaliser.Loose(gold));

    private static HeadingCounts Headings(IReadOnlyList<GoldHeading> gold, Letter letter)
    {
        var expected = gold.Select(h => (h.Level, Text: TextNormaliser.Loose(h.Text))).ToList();
        var found = letter.Sections.Where(s => !string.IsNullOrEmpty(s.Heading)).Select(s => (s.Level, Text: TextNormaliser.Loose(s.Heading))).ToList();
        var foundTexts = found.Select(h => h.Text).ToHashSet(StringComparer.Ordinal);
        return new HeadingCounts(expected.Count, found.Count, expected.Count(h => foundTexts.Contains(h.Text)), expected.Count(found.Contains));
    }

    /// <summary>Furniture longer than 3 characters and footnotes of 40 characters or more found in the body.</summary>
    private static int Leaks(GoldLetter gold, string body) =>
        gold.Furniture.Count(f => TextNormaliser.Length(f) > 3 && body.Contains(TextNormaliser.Norm(f), StringComparison.Ordinal))
        + gold.Footnotes.Select(f => TextNormaliser.Norm(f.Text))
            .Count(text => TextNormaliser.Length(text) >= 40 && body.Contains(text, StringComparison.Ordinal));

    private static bool IsAfter(GoldMarker marker, Dictionary<string, string> owner)
    {
        var after = TextNormaliser.Norm(marker.After);
        return after.Length > 0 && owner.GetValueOrDefault(marker.Number, "").Contains(after, StringComparison.Ordinal);
    }
}
