using System.Globalization;
using System.Text.RegularExpressions;

namespace LetterPipeline.Core.Parsing.Headings;

/// <summary>The numbering systems a heading can open with.</summary>
internal enum NumberingKind
{
    /// <summary>"I.", "IV." (parts).</summary>
    Roman,

    /// <summary>"1.", "2.1", "4.2.1" (chapters and their subdivisions; <see cref="Numbering.Depth"/> counts the numbers).</summary>
    Arabic,

    /// <summary>"A.", "B." (parts).</summary>
    UpperLetter,

    /// <summary>"a.", "b)" (the lowest subdivision).</summary>
    LowerLetter,

    /// <summary>"HOOFDSTUK 2", "Afdeling 2.1", "§ 3", "Artikel 5" (see <see cref="LegalDivision"/>).</summary>
    Legal,

    /// <summary>"Bijlage I", "BIJLAGE", "Bijlage 1:" (an appendix: always at the top of its own outline).</summary>
    Appendix,
}

/// <summary>A heading's printed numbering: its system, its depth ("2.1" is 2) and, for a legal heading, its division.</summary>
/// <param name="Kind">The numbering system.</param>
/// <param name="Depth">How deep in its system: "2.1" is 2.</param>
/// <param name="Division">The legal division, for a legal heading.</param>
/// <param name="AmbiguousLetter">
/// "I", "V", "X", "L" or "C" when the label is that one letter: a roman number or the letter of "A.", "B.", "C.";
/// the headings around decide. Otherwise '\0'.
/// </param>
/// <param name="Value">The number itself, for following a series: "2.3" is 3, "IV." is 4, "c)" is 3; 0 for legal and appendix headings.</param>
internal readonly record struct Numbering(NumberingKind Kind, int Depth, LegalDivision Division, char AmbiguousLetter = '\0', int Value = 0)
{
    /// <summary>True when the label is a single letter that may be roman (see <see cref="AmbiguousLetter"/>).</summary>
    public bool RomanOrLetter => AmbiguousLetter != '\0';

    /// <summary>True for the systems whose members never nest in each other: all "I." headings are siblings, all "a." ones too.</summary>
    public bool IsFlat => Kind is NumberingKind.Roman or NumberingKind.UpperLetter or NumberingKind.LowerLetter;
}

/// <summary>Reads the numbering a heading opens with: "I.", "1.", "1.1", "a)", "HOOFDSTUK 2", "§ 3", "Artikel 1.1.5", "Bijlage I".</summary>
internal static partial class NumberingScheme
{
    /// <summary>The numbering at the start of <paramref name="heading"/>, or null for an unnumbered heading.</summary>
    public static Numbering? Read(string heading)
    {
        if (Appendix().IsMatch(heading))
        {
            return new Numbering(NumberingKind.Appendix, 1, LegalDivision.None);
        }

        if (Legal(heading) is { } division)
        {
            return new Numbering(NumberingKind.Legal, 1, division);
        }

        if (Arabic().Match(heading) is { Success: true } arabic)
        {
            var parts = arabic.Groups["n"].Captures;
            var last = parts.Count > 0 ? parts[^1].Value : arabic.Groups["first"].Value;
            return new Numbering(NumberingKind.Arabic, parts.Count + 1, LegalDivision.None, Value: int.Parse(last, CultureInfo.InvariantCulture));
        }

        if (Roman().Match(heading) is { Success: true } roman)
        {
            var numeral = roman.Groups["r"].Value;
            return new Numbering(NumberingKind.Roman, 1, LegalDivision.None, numeral.Length == 1 ? numeral[0] : '\0', RomanValue(numeral));
        }

        if (UpperLetter().IsMatch(heading))
        {
            return new Numbering(NumberingKind.UpperLetter, 1, LegalDivision.None, Value: heading[0] - 'A' + 1);
        }

        return LowerLetter().IsMatch(heading) ? new Numbering(NumberingKind.LowerLetter, 1, LegalDivision.None, Value: heading[0] - 'a' + 1) : null;
    }

    /// <summary>The value of a roman numeral ("IV" is 4); letters as their place in the alphabet when read as a letter ("C." third).</summary>
    public static int LetterValue(char letter) => char.ToUpperInvariant(letter) - 'A' + 1;

    private static int RomanValue(string numeral)
    {
        var total = 0;
        for (var i = 0; i < numeral.Length; i++)
        {
            var value = Digit(numeral[i]);
            total += i + 1 < numeral.Length && Digit(numeral[i + 1]) > value ? -value : value;
        }

        return total;

        static int Digit(char c) => c switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, _ => 100 };
    }

    /// <summary>True when <paramref name="text"/> is nothing but a numbering label ("I.", "2.1", "a)"): the number of a heading set apart by a tab.</summary>
    public static bool IsBareLabel(string text) => BareLabel().IsMatch(text);

    /// <summary>True when the whole of <paramref name="line"/> is a legal heading: "Artikel 3", "Artikel 5, lid 4", "HOOFDSTUK 2 WERKWIJZE".</summary>
    public static bool IsLegalHeadingLine(string line) =>
        Legal(line) is not null && LegalHeadingLine().IsMatch(line);

    private static LegalDivision? Legal(string heading)
    {
        var m = LegalStart().Match(heading);
        if (!m.Success)
        {
            return null;
        }

        return m.Groups["word"].Value.ToLowerInvariant() switch
        {
            "boek" => LegalDivision.Boek,
            "deel" => LegalDivision.Deel,
            "hoofdstuk" => LegalDivision.Hoofdstuk,
            "titel" => LegalDivision.Titel,
            "afdeling" => LegalDivision.Afdeling,
            "paragraaf" or "§" => LegalDivision.Paragraaf,
            _ => LegalDivision.Artikel,
        };
    }

    // The division word capitalised or in capitals (a sentence does not open with "artikel 3"), then its number:
    // arabic with dots ("1.1.5", "2a"), or roman for parts, chapters and the articles of an amending act.
    [GeneratedRegex(@"^(?<word>BOEK|Boek|DEEL|Deel|HOOFDSTUK|Hoofdstuk|TITEL|Titel|AFDELING|Afdeling|PARAGRAAF|Paragraaf|ARTIKEL|Artikel|§)\s*(?:\d{1,3}[a-z]?(?:\.\d{1,3}[a-z]?)*|[IVXLC]{1,6})(?=$|[\s.:,])")]
    private static partial Regex LegalStart();

    // A legal heading as a line of its own: the number, an optional "lid"/"onderdeel" and a short title without a full stop.
    [GeneratedRegex(@"^\S+\s*\S+(?:,?\s+(?:lid|onderdeel|sub)\s+\S+)*(?:\.?\s+[^.;:!?]{1,80})?$")]
    private static partial Regex LegalHeadingLine();

    [GeneratedRegex(@"^(?:BIJLAGE|Bijlage|BIJLAGEN|Bijlagen|ANNEX|Annex)(?:\s+(?:[IVXLC]{1,6}|\d{1,2}|[A-Z])\b)?(?=$|[\s.:,–-])")]
    private static partial Regex Appendix();

    // "1.", "2.1", "4.2.1", "1 Inleiding": at most two digits a number, so "2023 begroting" is no chapter.
    [GeneratedRegex(@"^(?<first>\d{1,2})(?:\.(?<n>\d{1,2}))*\.?\s+\S")]
    private static partial Regex Arabic();

    [GeneratedRegex(@"^(?<r>[IVXLC]{1,6})[.)]\s+\p{Lu}")]
    private static partial Regex Roman();

    // "C. de Graaf" is an initial: a part's letter is followed by a capital.
    [GeneratedRegex(@"^[A-Z][.)]\s+\p{Lu}")]
    private static partial Regex UpperLetter();

    [GeneratedRegex(@"^[a-z][.)]\s+\S")]
    private static partial Regex LowerLetter();

    [GeneratedRegex(@"^(?:[IVXLC]{1,6}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}\.\d{1,2}(?:\.\d{1,2})*|[a-zA-Z][.)]|§\s*\d{1,3})$")]
    private static partial Regex BareLabel();
}
