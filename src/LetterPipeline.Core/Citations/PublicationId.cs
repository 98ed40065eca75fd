using System.Globalization;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Citations;

/// <summary>
/// Reads an official publication id ("kst-30552-3", "h-tk-20222023-85-5", "stb-2023-123"), printed bare or
/// as the last part of an official address, into the paper it names:
/// <code>
/// kst-id     = "kst-" MAIN ["-" SUFFIX] "-" NR      -- two parts after the dossier: suffix and number ("kst-36200-XII-60",
///                                                 -- "kst-21501-02-2586", "kst-36200-A-5"); one: the number ("kst-36450-A")
/// h-id       = "h-" ("tk" | "ek") "-" YEARS "-" DIGITS ["-" DIGITS]   -- YEARS: two following years, "20222023"
/// ah-id      = "ah-" ("tk" | "ek") "-" YEARS "-" DIGITS
/// gazette-id = ("stb" | "stcrt" | "trb") "-" YEAR "-" DIGITS     -- YEAR: 1800–2099
/// MAIN = 4–6 digits, not a year; SUFFIX = 1–3 digits | Roman numeral | 1–2 letters; NR = DIGITS | 1–2 letters
/// </code>
/// </summary>
internal static class PublicationId
{
    /// <summary>The id prefixes, lower case; the tokenizer looks for these before a '-'.</summary>
    public static readonly string[] Prefixes = ["kst", "h", "ah", "stb", "stcrt", "trb"];

    public static string GazettePrefix(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Staatsblad => "stb",
        ReferenceKind.Staatscourant => "stcrt",
        ReferenceKind.Tractatenblad => "trb",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an official gazette"),
    };

    public static bool TryRead(string id, out CitedPaper paper)
    {
        paper = default;
        var parts = id.Split('-');
        switch (parts[0].ToLowerInvariant())
        {
            case "kst" when parts.Length is 3 or 4 && IsMain(parts[1]) && IsPaperNumber(parts[^1]):
                if (parts.Length == 4 && !IsSuffix(parts[2]))
                {
                    return false;
                }

                var dossier = parts.Length == 4 ? $"{parts[1]}-{parts[2].ToUpperInvariant()}" : parts[1];
                paper = CitedPaper.Kamerstuk(dossier, parts[^1].ToUpperInvariant(), null, null);
                return true;

            case "h" when parts.Length is 4 or 5 && IsKamer(parts[1]) && Session(parts[2]) is { } session
                                    && IsDigits(parts[3]) && (parts.Length == 4 || IsDigits(parts[4])):
                paper = new CitedPaper(ReferenceKind.Handelingen, null, parts[3], session, parts.Length == 5 ? parts[4] : null, null, parts[1].ToLowerInvariant());
                return true;

            case "ah" when parts.Length == 4 && IsKamer(parts[1]) && Session(parts[2]) is { } session && IsDigits(parts[3]):
                paper = new CitedPaper(ReferenceKind.Aanhangsel, null, parts[3], session, null, null, parts[1].ToLowerInvariant());
                return true;

            case var prefix when parts.Length == 3 && Gazette(prefix) is { } kind && Year(parts[1]) is { } year && IsDigits(parts[2]):
                paper = CitedPaper.Gazette(kind, year, parts[2], null);
                return true;

            default:
                return false;
        }
    }

    /// <summary>A year as gazettes and vergaderjaren print it: four digits, 1800–2099.</summary>
    public static int? Year(string s) =>
        s.Length == 4 && IsDigits(s) && int.Parse(s, CultureInfo.InvariantCulture) is var y and >= 1800 and <= 2099 ? y : null;

    /// <summary>A dossier's main number: 4–6 digits, and never a year ("Kamerstuk 2023, nr. 5" cites nothing).</summary>
    public static bool IsMain(string s) => s.Length is >= 4 and <= 6 && IsDigits(s) && Year(s) is null;

    public static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    private static ReferenceKind? Gazette(string prefix) => prefix switch
    {
        "stb" => ReferenceKind.Staatsblad,
        "stcrt" => ReferenceKind.Staatscourant,
        "trb" => ReferenceKind.Tractatenblad,
        _ => null,
    };

    private static bool IsKamer(string s) => s.Equals("tk", StringComparison.OrdinalIgnoreCase) || s.Equals("ek", StringComparison.OrdinalIgnoreCase);

    private static bool IsSuffix(string s) =>
        (s.Length <= 3 && IsDigits(s)) || CitationTokenizer.IsRoman(s.ToUpperInvariant()) || IsLetters(s);

    private static bool IsPaperNumber(string s) => IsDigits(s) || IsLetters(s);

    private static bool IsLetters(string s) => s.Length is 1 or 2 && s.All(char.IsAsciiLetter);

    // "20222023" → "2022-2023"
    private static string? Session(string s) =>
        s.Length == 8 && Year(s[..4]) is { } first && Year(s[4..]) == first + 1 ? $"{s[..4]}-{s[4..]}" : null;
}
