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
    public static bool IsGarbled(PageLines page) => IsGarbled(Score(page));

    public static bool IsGarbled(PageTextScore score) =>
        score.Characters >= MinimumCharacters
        && (score.Unmapped >= MaximumUnmapped
            || (score.Letters < MinimumLetters && score.Readable < MinimumReadable)
            || (score.LatinWords >= MinimumLatinWords && score.Dictionary < MinimumKnownWords));

    public static PageTextScore Score(PageLines page)
    {
        var (characters, unmapped, letters, tokens, readable, latinWords, known) = (0, 0, 0, 0, 0, 0, 0);
        foreach (var line in page.Lines)
        {
            foreach (var c in line.Text)
            {
                if (c == ' ')
                {
                    continue;
                }

                characters++;
                if (char.IsLetter(c))
                {
                    letters++;
                }
                else if (IsUnmapped(c))
                {
                    unmapped++;
                }
            }

            foreach (var token in line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = Vocabulary.TrimPunctuation(token);
                if (word.Length == 0)
                {
                    continue;
                }

                tokens++;
                if (IsWord(word) || IsFigure(word))
                {
                    readable++;
                }

                if (latinWords < SampleWords && word.Length >= 2 && word.All(IsLatinLetter))
                {
                    latinWords++;
                    known += Vocabulary.InWordList(word) ? 1 : 0;
                }
            }
        }

        return new PageTextScore(characters, Share(unmapped, characters), Share(letters, characters), Share(readable, tokens),
            latinWords, Share(known, latinWords));
    }

    /// <summary>Letters, with hyphens, apostrophes or dots between them ("EU-lidstaten", "d.w.z", "’s").</summary>
    private static bool IsWord(string token)
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
    private static bool IsFigure(string token)
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

    private static bool IsLatinLetter(char c) => c < '\u0250' && char.IsLetter(c);

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
