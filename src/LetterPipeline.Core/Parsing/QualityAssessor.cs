using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing;

/// <summary>How a letter's text was got: the flags of that reading (repaired, garbled-text, ocr) and its <see cref="TextSources"/> value.</summary>
/// <param name="Flags">The reading's flags, each once.</param>
/// <param name="Source">Where the text came from: text layer, OCR or both.</param>
internal sealed record TextReading(IReadOnlyList<string> Flags, string Source);

/// <summary>
/// Says what is doubtful about a letter once it is read: text that was not placed, markers and footnotes that do not
/// meet, a missing title or date. Each doubt is a flag; each occurrence a warning with its page and words.
/// </summary>
internal static class QualityAssessor
{
    private static readonly string[] FlagOrder =
        [
            QualityFlags.TextUnplaced, QualityFlags.TextSetAside, QualityFlags.MarkerWithoutFootnote, QualityFlags.FootnoteWithoutMarker,
            QualityFlags.CitationDoubtful, QualityFlags.LetterheadAmbiguous, QualityFlags.NoTitle, QualityFlags.NoDate,
            QualityFlags.Repaired, QualityFlags.GarbledText, QualityFlags.Ocr,
        ];

    /// <param name="letter">The letter as read.</param>
    /// <param name="account">Where its text went.</param>
    /// <param name="doubts">What the stages that read it doubted (a citation, the letterhead), in the order found.</param>
    /// <param name="reading">How its text was got: repaired first, garbled pages, OCR, and where the text came from.</param>
    public static Quality Assess(Letter letter, TextAccount account, IEnumerable<QualityWarning> doubts, TextReading reading)
    {
        var warnings = new List<QualityWarning>(account.Warnings);
        warnings.AddRange(doubts);
        var places = new List<(string Text, IReadOnlyList<FootnoteMarker> Markers)> { (letter.Title ?? "", letter.TitleMarkers) };
        foreach (var section in letter.Sections)
        {
            places.Add((section.Heading ?? "", section.HeadingMarkers));
            places.AddRange(section.Paragraphs.Select(p => (p.Text, p.Markers)));
        }

        var ordered = places.Select(p => (p.Text, Markers: (IReadOnlyList<FootnoteMarker>)p.Markers.OrderBy(m => m.Offset).ToArray())).ToList();
        var binding = FootnoteBinding.Bind(letter.Footnotes, ordered.Select(p => p.Markers).ToList());
        var numbers = letter.Footnotes.Select(f => f.Number).ToHashSet(StringComparer.Ordinal);
        for (var p = 0; p < ordered.Count; p++)
        {
            var (text, markers) = ordered[p];
            for (var m = 0; m < markers.Count; m++)
            {
                // A second marker of a footnote that exists is a repeated citation, not a missing footnote.
                if (binding.Cited[p][m] is null && !numbers.Contains(markers[m].Number))
                {
                    var before = text[..Math.Clamp(markers[m].Offset, 0, text.Length)];
                    warnings.Add(new QualityWarning(0, QualityFlags.MarkerWithoutFootnote,
                        $"Marker {markers[m].Number} after “{LastWords(before)}” has no footnote text."));
                }
            }
        }

        foreach (var (index, _) in binding.Unreferenced)
        {
            var footnote = letter.Footnotes[index];
            warnings.Add(new QualityWarning(footnote.Page, QualityFlags.FootnoteWithoutMarker,
                $"Footnote {footnote.Number} has no marker in the text: “{TextAccounting.Quote(footnote.Text)}”."));
        }

        var flags = warnings.Select(w => w.Code).Concat(reading.Flags).ToHashSet(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(letter.Title))
        {
            flags.Add(QualityFlags.NoTitle);
        }

        if (letter.Date is null)
        {
            flags.Add(QualityFlags.NoDate);
        }

        var ordering = FlagOrder.ToList();
        var sorted = flags.OrderBy(f => ordering.IndexOf(f) is var i and >= 0 ? i : int.MaxValue).ThenBy(f => f, StringComparer.Ordinal).ToArray();
        return new Quality(account.Coverage, warnings, sorted, reading.Source);
    }

    private static string LastWords(string text)
    {
        const int Length = 40;
        if (text.Length <= Length)
        {
            return text;
        }

        var cut = text.IndexOf(' ', text.Length - Length);
        return "…" + (cut > 0 && cut < text.Length - 1 ? text[(cut + 1)..] : text[^Length..]);
    }
}
