using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Reading;
using LetterPipeline.Core.Tests.Support;
using LetterPipeline.Core.Tests.Writing.Support;
using LetterPipeline.Core.Writing;
using UglyToad.PdfPig;

namespace LetterPipeline.Core.Tests;

/// <summary>
/// No text lost, none invented: every corpus document's JSON (content plus furniture) against the glyphs on its
/// pages, as PdfPig draws them, and against the words an independent extractor (poppler's pdftotext) reads.
/// </summary>
public sealed partial class CorpusTextTests
{
    // A line-break hyphen is dropped when the word is joined; a bullet becomes the list item's numbering.
    private const string Hyphens = "-\u2010\u00AD";
    private const string Bullets = "•▪●◦■–-·\uF0B7\uF0A7";

    public static TheoryData<string> Letters => new(Corpus.Letters().Select(Path.GetFileName)!);

    public static TheoryData<string, string> Documents => WordTestFiles.AllDocuments();

    [Theory]
    [MemberData(nameof(Letters))]
    public void Parse_CorpusLetter_LosesNoGlyphAndInventsNone(string file)
    {
        var letter = ThroughJson("letters", file);

        var drawn = CountChars(PageGlyphs(Path.Combine(Corpus.Folder("letters"), file)));
        var kept = CountChars(JsonTexts(letter));

        var listItems = letter.Sections.SelectMany(s => s.Paragraphs).Count(p => p.ListItem);
        var lost = drawn.Where(d => d.Value > kept.GetValueOrDefault(d.Key) && !Hyphens.Contains(d.Key, StringComparison.Ordinal) && !Bullets.Contains(d.Key, StringComparison.Ordinal))
            .Select(d => $"{d.Key} ×{d.Value - kept.GetValueOrDefault(d.Key)}").ToArray();
        var bulletsLost = drawn.Where(d => Bullets.Contains(d.Key, StringComparison.Ordinal) && !Hyphens.Contains(d.Key, StringComparison.Ordinal))
            .Sum(d => Math.Max(0, d.Value - kept.GetValueOrDefault(d.Key)));
        var invented = kept.Where(k => k.Value > drawn.GetValueOrDefault(k.Key)).Select(k => $"{k.Key} ×{k.Value - drawn.GetValueOrDefault(k.Key)}").ToArray();

        Assert.True(lost.Length == 0, $"{file}: glyphs on the pages but not in the JSON: {string.Join(", ", lost)}");
        Assert.True(invented.Length == 0, $"{file}: characters in the JSON that no page draws: {string.Join(", ", invented)}");
        Assert.InRange(bulletsLost, 0, listItems);
        Assert.Equal(1.0, letter.Quality.Coverage);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Parse_CorpusDocument_PlacesNearlyAllTextOrSaysWhatItDidNot(string folder, string file)
    {
        var letter = ThroughJson(folder, file);

        Assert.InRange(letter.Quality.Coverage, 0, 1);
        if (letter.Quality.Coverage < 0.99)
        {
            Assert.Contains(letter.Quality.Warnings, w => w.Code == QualityFlags.TextUnplaced && w.Page > 0 && w.Message.Contains('“', StringComparison.Ordinal));
        }

        // Flags summarise the warnings: every warning's code is a flag.
        Assert.All(letter.Quality.Warnings, w => Assert.Contains(w.Code, letter.Quality.Flags));
    }

    [PdfToTextTheory]
    [MemberData(nameof(Documents))]
    public void Parse_CorpusDocument_JsonHoldsTheWordsPdftotextReads(string folder, string file)
    {
        var path = Path.Combine(Corpus.Folder(folder), file);
        var letter = ThroughJson(folder, file);
        if (letter.Quality.Flags.Contains(QualityFlags.GarbledText))
        {
            // pdftotext reads the same unmapped text layer; the letter holds what OCR read instead.
            Assert.NotEqual(TextSources.TextLayer, letter.Quality.TextSource);
            return;
        }

        var theirs = LibreOffice.PdfToTextRaw(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var ours = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in JsonTexts(letter).SelectMany(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Select(Word).Where(w => w.Length > 0))
        {
            ours[word] = ours.GetValueOrDefault(word) + 1;
        }

        var (found, total, missing) = Match(theirs, ours);

        var share = total == 0 ? 1 : (double)found / total;
        Assert.True(share >= 0.98, $"{file}: the JSON holds {share:P2} of pdftotext's {total} words; missing: {string.Join(" ", missing.Take(40))}");
    }

    /// <summary>
    /// How many of pdftotext's words the JSON holds, each JSON word used once. A word pdftotext splits where the JSON
    /// does not (a line-break hyphen, letter-spaced glyphs "Inf rastructuur") counts when it and up to three
    /// following words, joined, are a JSON word.
    /// </summary>
    private static (int Found, int Total, List<string> Missing) Match(string[] theirs, Dictionary<string, int> ours)
    {
        var (found, total, missing) = (0, 0, new List<string>());
        for (var i = 0; i < theirs.Length; i++)
        {
            var word = Word(theirs[i]);
            if (word.Length == 0)
            {
                continue;
            }

            total++;
            if (Take(ours, word))
            {
                found++;
                continue;
            }

            var joined = false;
            for (var k = 1; k <= 3 && i + k < theirs.Length && !joined; k++)
            {
                var parts = theirs[i..(i + k + 1)];
                var dehyphenated = string.Concat(parts[..^1].Select(p => p.TrimEnd(Hyphens.ToCharArray()))) + parts[^1];
                if (Take(ours, Word(dehyphenated)) || Take(ours, Word(string.Concat(parts))))
                {
                    var counted = parts.Skip(1).Count(p => Word(p).Length > 0);
                    (found, total, i, joined) = (found + counted + 1, total + counted, i + k, true);
                }
            }

            if (!joined)
            {
                missing.Add(theirs[i]);
            }
        }

        return (found, total, missing);
    }

    private static bool Take(Dictionary<string, int> words, string word)
    {
        if (word.Length == 0 || words.GetValueOrDefault(word) == 0)
        {
            return false;
        }

        words[word]--;
        return true;
    }

    /// <summary>
    /// A word as both sides can agree on it: compatibility-normalised (ligatures, superscript digits), a footnote
    /// number glued to its end removed ("virus.2", "tincidunt¹"), surrounding punctuation trimmed, lower case.
    /// </summary>
    private static string Word(string token)
    {
        var word = token.Normalize(NormalizationForm.FormKC);
        word = GluedNumber().Replace(word, "");
        return word.Trim(".,;:!?()[]«»“”\"'‘’*•▪-–—/".ToCharArray()).ToLower(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?<=[\p{L}.,;:!?)»”’])\d+$")]
    private static partial Regex GluedNumber();

    private static Letter ThroughJson(string folder, string file)
    {
        using var json = new MemoryStream();
        new JsonLetterWriter().Write(WordTestFiles.Parse(folder, file), json);
        json.Position = 0;
        return JsonLetterReader.Read(json);
    }

    /// <summary>Every text the JSON holds, markers put back where they stood, as printed.</summary>
    private static IEnumerable<string> JsonTexts(Letter letter)
    {
        yield return WithMarkers(letter.Title ?? "", letter.TitleMarkers);
        foreach (var section in letter.Sections)
        {
            yield return WithMarkers(section.Heading ?? "", section.HeadingMarkers);
            foreach (var paragraph in section.Paragraphs)
            {
                yield return WithMarkers(paragraph.Text, paragraph.Markers);
            }
        }

        foreach (var footnote in letter.Footnotes)
        {
            yield return footnote.Number + " " + footnote.Text;
        }

        foreach (var line in letter.Furniture)
        {
            yield return line.Text;
        }
    }

    private static string WithMarkers(string text, IReadOnlyList<FootnoteMarker> markers)
    {
        foreach (var marker in markers.OrderByDescending(m => m.Offset))
        {
            text = text.Insert(Math.Clamp(marker.Offset, 0, text.Length), marker.Number);
        }

        return text;
    }

    /// <summary>The text of every glyph PdfPig finds on the pages, except the invisible format characters a reader never sees.</summary>
    private static IEnumerable<string> PageGlyphs(string path)
    {
        using var document = PdfDocument.Open(path);
        var glyphs = new List<string>();
        foreach (var page in document.GetPages())
        {
            glyphs.AddRange(page.Letters.Select(l => l.Value).Where(v => !v.All(c => c != '\u00AD' && char.GetUnicodeCategory(c) == UnicodeCategory.Format)));
        }

        return glyphs;
    }

    private static Dictionary<string, int> CountChars(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            // Compatibility-normalised on both sides: a ligature glyph "ﬁ" is "fi", a superscript "¹" the marker "1".
            foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
            {
                if (!Rune.IsWhiteSpace(rune))
                {
                    var key = rune.ToString();
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return counts;
    }
}
