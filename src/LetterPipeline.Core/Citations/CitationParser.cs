using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Citations;

/// <summary>
/// Finds Kamerstuk, Handelingen and Aanhangsel citations in printed text.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="CitationTokenizer"/> turns the text into tokens; <see cref="CitationReader"/> reads
/// them with this grammar (recursive descent, one method per rule; words are case-insensitive,
/// UPPER names are token kinds, [] optional, {} repeated, | choice):
/// </para>
/// <code>
/// text          = { citation | token }                      -- anything that is not a citation is skipped
/// citation      = aanhangsel | handelingen | kamerstukken
///
/// kamerstukken  = kst-head [","] [kamer [","]] [session [","]] body { body-sep body }
/// kst-head      = "Kamerstuk" | "Kamerstukken" | "Kst" ["."]
///               | (kamer-name | "TK" | "EK") [","] session  -- "Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424"
/// body-sep      = "," | ";" | "en"                          -- only when a whole body follows
/// body          = dossiers [","] nr-groups [[","] pages] [date]
/// dossiers      = dossier { ("en" | "," | "&amp;") dossier }      -- at most ten
/// dossier       = (DOSSIER | NUMBER of 4 to 6 digits) [suffix]
/// suffix        = DASH (NUMBER | ROMAN | letter) | ROMAN   -- "21 501-02", "36 200-V", "36 410 VIII"
/// nr-groups     = nr-group { ("," | "en") nr-group }         -- "nr. 679, nr. 684 en 685"
/// nr-group      = nr numbers
/// nr            = ("nr" | "nrs" | "nummer" | "nummers") ["."]
/// numbers       = number-item { ("," | "en" | "&amp;") number-item }  -- an item that starts a new body ends the list;
///                                                             -- after singular "nr" a list must end in "en" ("nr. 12,
///                                                             -- 13 procent" is nr. 12)
/// number-item   = NUMBER [range NUMBER] | SESSION | letter    -- "60–62" is 60, 61, 62; "2022–2023" after nr is a range
///                                                             -- too; Eerste Kamer papers are lettered ("A")
/// range         = DASH | "t/m" | "tot en met"
/// pages         = ("p" | "pp" | "blz" | "pag" | "pagina" | "bladzijde") ["."] NUMBER [DASH NUMBER]  -- ignored
/// date          = [","] ("van" | "d.d" ["."] | "dd") DATE   -- dates every reference of its body
///
/// handelingen   = "Handelingen" [kamer] [","] session [","] nr numbers [[","] items] [[","] pages] [date]
/// items         = ("item" | "items") NUMBER { ("," | "en") NUMBER }
/// aanhangsel    = "Aanhangsel" [("van" | "bij") ["de"]] "Handelingen" [kamer] [","] session [","] nr numbers [date]
///
/// kamer         = "I" | "II" | "ll" | "Il" | "lI" | "l" | "TK" | "EK" | kamer-name  -- "ll": how some PDFs print "II"
/// kamer-name    = ("Tweede" | "Eerste") "Kamer" ["der" "Staten" DASH "Generaal"]
/// session       = ["vergaderjaar" [","]] SESSION             -- SESSION: "2022/23", "2015–16", "1991-1992"
/// </code>
/// <para>
/// A bare "nr. 12", EU legislation ("Verordening (EU) 2021/241") and web addresses are not
/// citations: nothing starts there. Handelingen and Aanhangsel need a vergaderjaar, because their
/// official id cannot be formed without one.
/// </para>
/// </remarks>
public static class CitationParser
{
    /// <summary>All references cited in <paramref name="text"/>, in order; <paramref name="footnote"/> tags where they came from.</summary>
    public static IReadOnlyList<Reference> Parse(string text, string? footnote = null) => Parse(text, footnote, null);

    /// <summary>
    /// All references cited in <paramref name="text"/>, in order; what was read but not trusted (a range too
    /// wide to expand, a vergaderjaar whose years do not follow each other) is added to <paramref name="warnings"/>.
    /// </summary>
    public static IReadOnlyList<Reference> Parse(string text, string? footnote, ICollection<string>? warnings)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new CitationReader(text, CitationTokenizer.Tokenize(text), footnote, warnings).ReadAll();
    }
}
