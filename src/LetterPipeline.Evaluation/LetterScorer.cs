using LetterPipeline.Core.Model;

namespace LetterPipeline.Evaluation;

/// <summary>
/// score.py's counts for one document: everything for full gold (<c>score_doc</c>); for real documents' partial
/// gold only leaks, footnotes, marker links and references (<c>score_partial</c>).
/// </summary>
internal static class LetterScorer
{
    /// <param name="gold">The document's gold file.</param>
    /// <param name="output">Null when the output is missing or unreadable: it scores as an empty letter.</param>
    public static LetterCounts Score(GoldLetter gold, ConvertedLetter? output)
    {
        var letter = (output ?? ConvertedLetter.Empty).Letter;
        var paragraphs = letter.Sections.SelectMany(s => s.Paragraphs).ToList();
        var counts = new LetterCounts
        {
            Missing = output is null,
            Leaks = 0,
            Footnotes = SharedMeasures.Footnotes(gold, letter),
            Links = default,
            References = SharedMeasures.References(gold, letter),
        };
        return gold.Partial ? ScorePartial(gold, paragraphs, counts) : ScoreFull(gold, letter, paragraphs, counts);
    }

    private static LetterCounts ScorePartial(GoldLetter gold, List<Paragraph> paragraphs, LetterCounts counts)
    {
        var body = SharedMeasures.Body(paragraphs);

        // A footnote number cited by several paragraphs belongs to the last of them.
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in paragraphs)
        {
            foreach (var number in p.Footnotes)
            {
                owner[number] = TextNormaliser.Norm(p.Text);
            }
        }

        return counts with
        {
            Leaks = Leaks(gold, body),
            Links = new Tally(gold.Markers.Count(m => IsAfter(m, owner)), gold.Markers.Count),
        };
    }

    private static LetterCounts ScoreFull(GoldLetter gold, Letter letter, List<Paragraph> paragraphs, LetterCounts counts)
    {
        // Every gold section counts, the one before the first heading too (its "" matches no output heading).
        var goldHeadings = gold.Sections.Select(s => (s.Level, Text: TextNormaliser.Norm(s.Heading))).ToList();
        var headings = letter.Sections.Where(s => !string.IsNullOrEmpty(s.Heading)).Select(s => (s.Level, Text: TextNormaliser.Norm(s.Heading))).ToList();
        var headingTexts = headings.Select(h => h.Text).ToList();

        var goldParagraphs = gold.Sections.SelectMany(s => s.Paragraphs).ToList();
        var goldWords = goldParagraphs.SelectMany(p => TextNormaliser.Words(p.Text)).ToList();
        var words = paragraphs.SelectMany(p => TextNormaliser.Words(p.Text)).ToList();
        var texts = paragraphs.Select(p => TextNormaliser.Norm(p.Text)).ToHashSet(StringComparer.Ordinal);

        // Headings are body text for leaks: a running header promoted to a heading leaks too.
        var body = SharedMeasures.Body(paragraphs) + " \n " + string.Join(" ", headingTexts);

        var goldLinks = Links(goldParagraphs.Select(p => (p.Text, p.Footnotes)));
        var links = Links(paragraphs.Select(p => ((string?)p.Text, p.Footnotes)));

        return counts with
        {
            TitleOk = TextNormaliser.Norm(letter.Title) == TextNormaliser.Norm(gold.Title) ? 1 : 0,
            Headings = new HeadingCounts(
                goldHeadings.Count, headings.Count, goldHeadings.Count(h => headingTexts.Contains(h.Text)), goldHeadings.Count(headings.Contains)),
            Words = Words(goldWords, words, gold.AllowedExtra),
            Paragraphs = new Tally(goldParagraphs.Count(p => texts.Contains(TextNormaliser.Norm(p.Text))), goldParagraphs.Count),
            Leaks = Leaks(gold, body),
            Links = new Tally(goldLinks.Count(kv => links.TryGetValue(kv.Key, out var start) && start == kv.Value), goldLinks.Count),
            ReferenceDates = ReferenceDates(gold, letter),
            Kamerstuk = gold.Kamerstuk is { } kamerstuk ? Tally.Of(SameKamerstuk(kamerstuk, letter.Kamerstuk)) : null,
        };
    }

    /// <summary>
    /// Words matched in order (difflib's matching blocks: <see cref="SequenceMatcher"/>), and output words inserted
    /// or replacing gold words that are not words of the allowed extra text (the signature).
    /// </summary>
    private static WordCounts Words(List<string> goldWords, List<string> words, IReadOnlyList<string> allowedExtra)
    {
        var allowed = allowedExtra.SelectMany(TextNormaliser.Words).ToHashSet(StringComparer.Ordinal);
        var matcher = new SequenceMatcher(goldWords, words);
        var matched = matcher.GetMatchingBlocks().Sum(b => b.Size);
        var extra = matcher.GetOpcodes()
            .Where(o => o.Tag is "insert" or "replace")
            .Sum(o => words.GetRange(o.J1, o.J2 - o.J1).Count(w => !allowed.Contains(w)));
        return new WordCounts(goldWords.Count, matched, extra);
    }

    /// <summary>Furniture (but the bare word "Pagina"), "Pagina x van y" footers and footnotes of 25 characters or more found in the body.</summary>
    private static int Leaks(GoldLetter gold, string body) =>
        gold.Furniture.Count(f => f.Length > 0 && f != "Pagina" && body.Contains(TextNormaliser.Norm(f), StringComparison.Ordinal))
        + SharedMeasures.PageOfPages(body)
        + gold.Footnotes.Select(f => TextNormaliser.Norm(f.Text))
            .Count(text => TextNormaliser.Length(text) >= 25 && body.Contains(text, StringComparison.Ordinal));

    private static bool IsAfter(GoldMarker marker, Dictionary<string, string> owner)
    {
        var after = TextNormaliser.Norm(marker.After);
        return after.Length > 0 && owner.GetValueOrDefault(marker.Number, "").Contains(after, StringComparison.Ordinal);
    }

    /// <summary>Marker links: footnote number → the first six words of the paragraph that cites it (the last one, if several do).</summary>
    private static Dictionary<string, string> Links(IEnumerable<(string? Text, IReadOnlyList<string> Footnotes)> paragraphs)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (text, footnotes) in paragraphs)
        {
            foreach (var number in footnotes)
            {
                links[number] = string.Join(" ", TextNormaliser.Words(text).Take(6));
            }
        }

        return links;
    }

    /// <summary>Gold references with a date whose reference (by key) the output dates the same.</summary>
    private static Tally ReferenceDates(GoldLetter gold, Letter letter)
    {
        var expected = new Dictionary<ReferenceKey, string>();
        foreach (var r in gold.Footnotes.SelectMany(f => f.References).Where(r => !string.IsNullOrEmpty(r.Date)))
        {
            expected[ReferenceKey.Of(r)] = r.Date!;
        }

        var found = new Dictionary<ReferenceKey, string>();
        foreach (var r in letter.Footnotes.SelectMany(f => f.References))
        {
            found[ReferenceKey.Of(r)] = SharedMeasures.Iso(r.Date);
        }

        return new Tally(expected.Count(kv => found.TryGetValue(kv.Key, out var date) && date == kv.Value), expected.Count);
    }

    private static bool SameKamerstuk(GoldKamerstuk gold, LetterIdentity? output) =>
        TextNormaliser.RemoveSpace(output?.Dossier ?? "") == gold.Dossier
        && (output?.Number ?? "") == gold.Number
        && SharedMeasures.Iso(output?.Date) == GoldDate.Iso(gold.Date);
}
