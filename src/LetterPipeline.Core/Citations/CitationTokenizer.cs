using System.Globalization;
using LetterPipeline.Core.Parsing;

namespace LetterPipeline.Core.Citations;

/// <summary>
/// Splits printed text into the tokens the citation grammar reads. The multi-part forms whose
/// parts mean nothing alone (a space-grouped dossier "36 045", a vergaderjaar "2022/23", a date
/// "4 november 2022") are recognised here, so the grammar never has to look at spacing.
/// </summary>
internal static class CitationTokenizer
{
    // Dossier suffixes and Kamers run from I to about XX; a fixed set keeps "MID" or "DC" words.
    private static readonly HashSet<string> Romans = Enumerable.Range(1, 49).Select(ToRoman).ToHashSet(StringComparer.Ordinal);

    public static List<CitationToken> Tokenize(string text)
    {
        var tokens = new List<CitationToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ReadDigits(text, i, tokens);
            }
            else if (UrlLength(text, i) is > 0 and var urlLength)
            {
                tokens.Add(new CitationToken(CitationTokenKind.Url, text.Substring(i, urlLength), i, i + urlLength));
                i += urlLength;
            }
            else if (char.IsLetter(c))
            {
                i = ReadWord(text, i, tokens);
            }
            else if (IsDash(c))
            {
                tokens.Add(new CitationToken(CitationTokenKind.Dash, "-", i, i + 1));
                i++;
            }
            else
            {
                tokens.Add(new CitationToken(CitationTokenKind.Punct, c.ToString(), i, i + 1));
                i++;
            }
        }

        return tokens;
    }

    public static bool IsDash(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212';

    // PDF text carries non-breaking, narrow and thin spaces between dossier groups, and soft
    // hyphens or zero-width characters (Unicode category Cf) that print as nothing.
    private static bool IsSpace(char c) =>
        char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static int ReadWord(string text, int start, List<CitationToken> tokens)
    {
        var i = start;
        var value = new System.Text.StringBuilder();
        while (i < text.Length && (char.IsLetter(text[i]) || char.GetUnicodeCategory(text[i]) == UnicodeCategory.Format))
        {
            if (char.IsLetter(text[i]))
            {
                value.Append(text[i]);
            }

            i++;
        }

        var word = value.ToString();
        var kind = Romans.Contains(word) ? CitationTokenKind.Roman : CitationTokenKind.Word;
        tokens.Add(new CitationToken(kind, word, start, i));
        return i;
    }

    private static int ReadDigits(string text, int start, List<CitationToken> tokens)
    {
        var end = DigitRunEnd(text, start);
        var run = text[start..end];

        if (TryDate(text, start, end, out var date, out var dateEnd))
        {
            tokens.Add(new CitationToken(CitationTokenKind.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start, dateEnd, date));
            return dateEnd;
        }

        if (TrySession(text, start, end, out var session, out var sessionEnd))
        {
            tokens.Add(new CitationToken(CitationTokenKind.Session, session, start, sessionEnd));
            return sessionEnd;
        }

        // "36 045", "36\u00a0045", "35.845": a two-digit group, one separator, a three-digit group.
        if (run.Length == 2 && end + 1 < text.Length && (IsSpace(text[end]) || text[end] == '.')
            && DigitRunEnd(text, end + 1) is var groupEnd && groupEnd - (end + 1) == 3)
        {
            tokens.Add(new CitationToken(CitationTokenKind.Dossier, run + text[(end + 1)..groupEnd], start, groupEnd));
            return groupEnd;
        }

        tokens.Add(new CitationToken(CitationTokenKind.Number, run, start, end));
        return end;
    }

    /// <summary>"4 november 2022", "4 nov. 2022" or "14-07-2023".</summary>
    private static bool TryDate(string text, int start, int end, out DateOnly date, out int dateEnd)
    {
        date = default;
        dateEnd = end;
        if (end - start > 2)
        {
            return false;
        }

        var day = int.Parse(text.AsSpan(start, end - start), CultureInfo.InvariantCulture);
        int month;
        var i = end;
        if (i < text.Length && IsDash(text[i]))
        {
            var monthEnd = DigitRunEnd(text, i + 1);
            if (monthEnd - (i + 1) is < 1 or > 2 || monthEnd >= text.Length || !IsDash(text[monthEnd]))
            {
                return false;
            }

            month = int.Parse(text.AsSpan(i + 1, monthEnd - i - 1), CultureInfo.InvariantCulture);
            i = monthEnd + 1;
        }
        else
        {
            i = SkipSpaces(text, i);
            if (i == end)
            {
                return false;
            }

            var wordEnd = i;
            while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
            {
                wordEnd++;
            }

            month = DutchDate.Month(text[i..wordEnd]);
            if (month == 0)
            {
                return false;
            }

            i = wordEnd < text.Length && text[wordEnd] == '.' ? wordEnd + 1 : wordEnd;
            var yearStart = SkipSpaces(text, i);
            if (yearStart == i)
            {
                return false;
            }

            i = yearStart;
        }

        var yearEnd = DigitRunEnd(text, i);
        if (yearEnd - i != 4)
        {
            return false;
        }

        var year = int.Parse(text.AsSpan(i, 4), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || year < 1800 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        dateEnd = yearEnd;
        return true;
    }

    /// <summary>"2022/23", "2022/2023", "2015–16", "1999-00": the second year must follow the first.</summary>
    private static bool TrySession(string text, int start, int end, out string session, out int sessionEnd)
    {
        session = "";
        sessionEnd = end;
        if (end - start != 4 || end + 1 >= text.Length || !(text[end] == '/' || IsDash(text[end])))
        {
            return false;
        }

        var first = int.Parse(text.AsSpan(start, 4), CultureInfo.InvariantCulture);
        var secondEnd = DigitRunEnd(text, end + 1);
        var digits = secondEnd - (end + 1);
        if (first is < 1800 or > 2099 || digits is not (2 or 4))
        {
            return false;
        }

        var second = int.Parse(text.AsSpan(end + 1, digits), CultureInfo.InvariantCulture);
        if (digits == 2)
        {
            second += first / 100 * 100;
            if (second < first)
            {
                second += 100;
            }
        }

        if (second != first + 1)
        {
            return false;
        }

        session = string.Create(CultureInfo.InvariantCulture, $"{first}-{second}");
        sessionEnd = secondEnd;
        return true;
    }

    private static int UrlLength(string text, int start)
    {
        var rest = text.AsSpan(start);
        if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '.'))
        {
            return 0;
        }

        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
        {
            return 0;
        }

        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        // The sentence's own punctuation after an address is not part of it: "(https://…)." .
        while (end > start && ".,;:)»".Contains(text[end - 1], StringComparison.Ordinal))
        {
            end--;
        }

        return end - start;
    }

    private static int DigitRunEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int SkipSpaces(string text, int start)
    {
        var i = start;
        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static string ToRoman(int n)
    {
        string[] tens = ["", "X", "XX", "XXX", "XL"];
        string[] units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
        return tens[n / 10] + units[n % 10];
    }
}
