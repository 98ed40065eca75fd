using System.Globalization;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Parsing;

namespace LetterPipeline.Core.Reading;

/// <summary>What a page's text layer looks like, measured to tell readable text from letter soup.</summary>
/// <param name="Characters">Characters other than spaces.</param>
/// <param name="Unmapped">Share of those that map to nothing readable: control and private-use characters, U+FFFD, unassigned code points.</param>
/// <param name="Letters">Share of those that are letters (any script).</param>
/// <param name="Readable">Share of the tokens that are words (letters, with inner hyphens, apostrophes or dots) or figures.</param>
/// <param name="LatinWords">Tokens of two or more Latin letters, up to the sample size.</param>
/// <param name="Dictionary">Share of those tokens that the shipped word list knows.</param>
internal sealed record PageTextScore(int Characters, double Unmapped, double Letters, double Readable, int LatinWords, double Dictionary);

/// <summary>
/// Tells whether a page's text layer is readable text or garbage: fonts without a Unicode map give control
/// characters or punctuation soup ("+,-./,0,1234,052-6"), a wrong encoding gives letters that make no words.
/// English, Latin or Spanish text, tables of figures and Chinese are text: each fails at most one of the tests.
/// </summary>
internal static class TextLayerCheck
{
    /// <summary>A page with less text than this is not judged (a page number, a signature).</summary>
    private const int MinimumCharacters = 40;

    /// <summary>This share of unmapped characters is garbage whatever the rest says.</summary>
    private const double MaximumUnmapped = 0.1;

    /// <summary>Below this share of letters, and with few tokens that are words or figures, the page is punctuation soup…</summary>
    private const double MinimumLetters = 0.3;

    /// <summary>…few: below this share (a table of figures has few letters, but its tokens are figures).</summary>
    private const double MinimumReadable = 0.5;

    /// <summary>With enough Latin words, below this share of known ones the letters are mapped wrongly (Spanish text scores 0.15).</summary>
    private const double MinimumKnownWords = 0.08;

    /// <summary>Latin words needed to judge by the dictionary alone.</summary>
    private const int MinimumLatinWords = 30;

    /// <summary>Latin words looked up per page: enough to judge, bounded cost on long pages.</summary>
    private const int SampleWords = 120;

    /// <summary>True when the page has enough text to judge and that text is not readable.</summary>
    /// <remarks>
    /// Looks words up only as far as the verdict needs: none when the characters decide, and no more once enough
    /// are known for the dictionary test to pass (a Dutch page decides after a dozen words).
    /// </remarks>
    public static bool IsGarbled(PageLines page)
    {
        var counts = Count(page);
        if (counts.Characters < MinimumCharacters || IsGarbled(counts.Score(known: 0), checkDictionary: false))
        {
            return counts.Characters >= MinimumCharacters;
        }

        return counts.LatinWords >= MinimumLatinWords && !KnowsEnough(KnownWords(page, stopWhenEnoughOf: counts.LatinWords), counts.LatinWords);
    }

    public static bool IsGarbled(PageTextScore score) => IsGarbled(score, checkDictionary: true);

    private static bool IsGarbled(PageTextScore score, bool checkDictionary) =>
        score.Characters >= MinimumCharacters
        && (score.Unmapped >= MaximumUnmapped
            || (score.Letters < MinimumLetters && score.Readable < MinimumReadable)
            || (checkDictionary && score.LatinWords >= MinimumLatinWords && !KnowsEnough(score.Dictionary)));

    /// <summary>Every measure of the page, the dictionary share over the whole sample.</summary>
    public static PageTextScore Score(PageLines page) => Count(page).Score(KnownWords(page, stopWhenEnoughOf: null));

    private static bool KnowsEnough(int known, int latinWords) => KnowsEnough(Share(known, latinWords));

    private static bool KnowsEnough(double dictionary) => dictionary >= MinimumKnownWords;

    private static Counts Count(PageLines page)
    {
        var counts = new Counts();
        foreach (var line in page.Lines)
        {
            var text = line.Text.AsSpan();
            foreach (var c in text)
            {
                if (c == ' ')
                {
                    continue;
                }

                counts.Characters++;
                if (char.IsLetter(c))
                {
                    counts.Letters++;
                }
                else if (IsUnmapped(c))
                {
                    counts.Unmapped++;
                }
            }

            foreach (var range in text.Split(' '))
            {
                var word = Vocabulary.TrimPunctuation(text[range]);
                if (word.Length == 0)
                {
                    continue;
                }

                counts.Tokens++;
                if (IsWord(word) || IsFigure(word))
                {
                    counts.Readable++;
                }

                if (counts.LatinWords < SampleWords && IsLatinWord(word))
                {
                    counts.LatinWords++;
                }
            }
        }

        return counts;
    }

    /// <summary>
    /// How many of the page's first Latin words (up to the sample size) the word list knows; with
    /// <paramref name="stopWhenEnoughOf"/> (the sample's size) no more are looked up once the share known passes the test.
    /// </summary>
    private static int KnownWords(PageLines page, int? stopWhenEnoughOf)
    {
        var (taken, known) = (0, 0);
        foreach (var line in page.Lines)
        {
            var text = line.Text.AsSpan();
            foreach (var range in text.Split(' '))
            {
                var word = Vocabulary.TrimPunctuation(text[range]);
                if (!IsLatinWord(word))
                {
                    continue;
                }

                known += Vocabulary.InWordList(word) ? 1 : 0;
                if (++taken == SampleWords || (stopWhenEnoughOf is { } sample && KnowsEnough(known, sample)))
                {
                    return known;
                }
            }
        }

        return known;
    }

    private struct Counts
    {
        public int Characters, Unmapped, Letters, Tokens, Readable, LatinWords;

        public readonly PageTextScore Score(int known) =>
            new(Characters, Share(Unmapped, Characters), Share(Letters, Characters), Share(Readable, Tokens), LatinWords, Share(known, LatinWords));
    }

    /// <summary>Letters, with hyphens, apostrophes or dots between them ("EU-lidstaten", "d.w.z", "’s").</summary>
    private static bool IsWord(ReadOnlySpan<char> token)
    {
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (!char.IsLetter(c) && char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark
                && !(c is '-' or '’' or '\'' or '.' && i > 0 && i < token.Length - 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Digits with the separators of amounts, dates and percentages ("1.234,5", "12-06-2023", "3%", "€25").</summary>
    private static bool IsFigure(ReadOnlySpan<char> token)
    {
        var digits = false;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digits = true;
            }
            else if (c is not ('.' or ',' or ':' or '/' or '-' or '–' or '%' or '€' or '+'))
            {
                return false;
            }
        }

        return digits;
    }

    private static bool IsUnmapped(char c) =>
        c == '\uFFFD'
        || char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate;

    private static bool IsLatinWord(ReadOnlySpan<char> word)
    {
        if (word.Length < 2)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (c >= '\u0250' || !char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
