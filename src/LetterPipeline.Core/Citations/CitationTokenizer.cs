using System.Globalization;
using LetterPipeline.Core.Parsing;

namespace LetterPipeline.Core.Citations;

/// <summary>
/// Splits printed text into the tokens the citation grammar reads. The multi-part forms whose
/// parts mean nothing alone (a space-grouped dossier "36 045", a vergaderjaar "2022/23", a date
/// "4 november 2022", a publication id "kst-30552-3" or an official address) are recognised here,
/// so the grammar never has to look at spacing.
/// </summary>
internal static class CitationTokenizer
{
    /// <summary>The host of the official publications, also printed without "https://".</summary>
    private const string OfficialHost = "zoek.officielebekendmakingen.nl";

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
                var url = text.Substring(i, urlLength);
                tokens.Add(OfficialId(url) is { } id
                    ? new CitationToken(CitationTokenKind.Identifier, id, i, i + urlLength)
                    : new CitationToken(CitationTokenKind.Url, url, i, i + urlLength));
                i += urlLength;
            }
            else if (IdentifierLength(text, i, out var id) is > 0 and var idLength)
            {
                tokens.Add(new CitationToken(CitationTokenKind.Identifier, id, i, i + idLength));
                i += idLength;
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

    /// <summary>An upper-case Roman numeral from I to XLIX, as dossier suffixes and Kamers are printed.</summary>
    public static bool IsRoman(string s) => Romans.Contains(s);

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
            tokens.Add(session is null
                ? new CitationToken(CitationTokenKind.Years, text[start..sessionEnd], start, sessionEnd)
                : new CitationToken(CitationTokenKind.Session, session, start, sessionEnd));
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

    /// <summary>"4 november 2022", "4 nov. 2022", "14-07-2023" or "2023-07-14".</summary>
    private static bool TryDate(string text, int start, int end, out DateOnly date, out int dateEnd)
    {
        date = default;
        dateEnd = end;
        if (end - start == 4)
        {
            return TryIsoDate(text, start, out date, out dateEnd);
        }

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

    /// <summary>"2023-07-14": an ISO date is never a dossier "2023" with a suffix "-07".</summary>
    private static bool TryIsoDate(string text, int start, out DateOnly date, out int dateEnd)
    {
        date = default;
        dateEnd = start + 10;
        if (dateEnd > text.Length || !IsDash(text[start + 4]) || !IsDash(text[start + 7])
            || DigitRunEnd(text, start + 5) != start + 7 || DigitRunEnd(text, start + 8) != dateEnd)
        {
            return false;
        }

        var year = int.Parse(text.AsSpan(start, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(text.AsSpan(start + 5, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(text.AsSpan(start + 8, 2), CultureInfo.InvariantCulture);
        if (year < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// "2022/23", "2022/2023", "2015–16", "1999-00": a vergaderjaar when the second year follows the first;
    /// otherwise (<paramref name="session"/> null) two years printed like one, a typo "2023–34" or a period
    /// "2019–2023", which is never a dossier either. EU numbers ("2021/241", "2010/75/EU") are left alone.
    /// </summary>
    private static bool TrySession(string text, int start, int end, out string? session, out int sessionEnd)
    {
        session = null;
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

        var continues = secondEnd + 1 < text.Length && (text[secondEnd] == '/' || IsDash(text[secondEnd])) && char.IsAsciiDigit(text[secondEnd + 1]);

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
            // "2023–34" or "2019–2023"; but "2023-12-01" or "2021/12/31" is something else.
            sessionEnd = secondEnd;
            return !continues;
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
              || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith(OfficialHost + "/", StringComparison.OrdinalIgnoreCase)))
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

    /// <summary>
    /// The publication id an official address ends in: zoek.officielebekendmakingen.nl/kst-36045-121.html,
    /// …/stb-2023-123.pdf, or repository.overheid.nl/frbr/officielepublicaties/kst/36045/kst-36045-121/1/pdf/kst-36045-121.pdf.
    /// Any other address (a dossier page, a search, another site) stays opaque.
    /// </summary>
    private static string? OfficialId(string url)
    {
        var absolute = url.Contains("://", StringComparison.Ordinal) ? url : "https://" + url;
        if (!Uri.TryCreate(absolute, UriKind.Absolute, out var uri)
            || !(uri.Host.Equals("officielebekendmakingen.nl", StringComparison.OrdinalIgnoreCase)
                 || uri.Host.EndsWith(".officielebekendmakingen.nl", StringComparison.OrdinalIgnoreCase)
                 || (uri.Host.Equals("repository.overheid.nl", StringComparison.OrdinalIgnoreCase)
                     && uri.AbsolutePath.StartsWith("/frbr/officielepublicaties/", StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }

        var last = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var id = WithoutExtension(last);
        return PublicationId.TryRead(id, out _) ? id : null;
    }

    /// <summary>
    /// A publication id printed bare in running text: "(kst-30552-3)", "zie stb-2023-123"; also glued to a
    /// footnote number ("7kst-30552-3"), as "1Kamerstukken" is.
    /// </summary>
    private static int IdentifierLength(string text, int start, out string id)
    {
        id = "";
        if (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] is '-' or '/' or '_' or '.'))
        {
            return 0;
        }

        var prefixEnd = start;
        while (prefixEnd < text.Length && char.IsAsciiLetter(text[prefixEnd]))
        {
            prefixEnd++;
        }

        if (prefixEnd >= text.Length || text[prefixEnd] != '-'
            || !PublicationId.Prefixes.Contains(text[start..prefixEnd], StringComparer.OrdinalIgnoreCase))
        {
            return 0;
        }

        var end = prefixEnd;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '-'))
        {
            end++;
        }

        while (text[end - 1] == '-')
        {
            end--;
        }

        // "kst-36045-121.pdf" named as a file is the paper too.
        var extension = end < text.Length && text[end] == '.' ? Extensions.FirstOrDefault(e => HasWordAt(text, end + 1, e)) : null;
        if (!PublicationId.TryRead(text[start..end], out _))
        {
            return 0;
        }

        id = text[start..end];
        return end - start + (extension is null ? 0 : extension.Length + 1);
    }

    private static readonly string[] Extensions = ["html", "pdf", "xml", "odt"];

    private static string WithoutExtension(string segment)
    {
        var dot = segment.LastIndexOf('.');
        return dot > 0 && Extensions.Contains(segment[(dot + 1)..], StringComparer.OrdinalIgnoreCase) ? segment[..dot] : segment;
    }

    private static bool HasWordAt(string text, int start, string word) =>
        string.Compare(text, start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (start + word.Length == text.Length || !char.IsLetterOrDigit(text[start + word.Length]));

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
