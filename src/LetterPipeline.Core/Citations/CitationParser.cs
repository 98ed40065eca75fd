using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Citations;

/// <summary>
/// Finds citations of Kamerstukken, Handelingen, Aanhangsels and the official gazettes (Staatsblad,
/// Staatscourant, Tractatenblad) in printed text. The grammar, its tokens and its ambiguity rules are
/// written out with examples in docs/citations.md.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="CitationTokenizer"/> turns the text into tokens; <see cref="CitationReader"/> reads
/// them with this grammar (recursive descent, one method per rule; words are case-insensitive,
/// UPPER names are token kinds, [] optional, {} repeated, | choice):
/// </para>
/// <code>
/// text          = { citation | token }                      -- anything that is not a citation is skipped
/// citation      = identifier | aanhangsel | handelingen | sitting | gazette | kamerstukken
///
/// identifier    = ID                                        -- "kst-30552-3", an official address; see PublicationId
///
/// kamerstukken  = kst-head [","|":"] [kamer [","]] [session [","]] body { body-sep [[kamer] session [","]] body }
/// kst-head      = "Kamerstuk" | "Kamerstukken" | "Kamerstuknummer" | ("Kst" | "Kamerst" | "Kamerstuknr") ["."]
///               | "Bijl" ["."] "Hand" ["."] | "Bijlagen" "Handelingen"
///               | (kamer-name | "TK" | "EK") [","] session  -- "Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424"
/// body-sep      = "," ["en"] | ";" | "en"                   -- only when a whole body follows
/// body          = (numbered | compact | lettered) [[","] pages] [date]
/// numbered      = dossiers [","] nr-groups                  -- "36 045, nr. 121", "22 054 en 36 045, nr. 374"
/// compact       = MAIN DASH part DASH paper-nr | MAIN DASH NUMBER   -- no spaces: "36200-XII-60", "31936-1053"
/// lettered      = dossier "," letter { ("," | "en") letter }  -- Eerste Kamer: "36 450, A"; not after a Tweede Kamer head
/// letter        = one or two capitals, not a ROMAN, not followed by a word or number
/// dossiers      = dossier { ("en" | "," | "&amp;") dossier }     -- at most ten
/// dossier       = MAIN [suffix]
/// MAIN          = DOSSIER | NUMBER of 4 to 6 digits that is not a year (1800–2099)
/// suffix        = DASH (NUMBER of 1–3 digits | ROMAN | letters) | ROMAN | letters (before [","] nr)
///               | [","] "hoofdstuk" ROMAN
/// nr-groups     = nr-group { ("," | "en") nr-group }         -- "nr. 679, nr. 684 en 685"
/// nr-group      = nr numbers
/// nr            = ("nr" | "nrs" | "nummer" | "nummers" | "no") ["."]
/// numbers       = number-item { ("," | "en" | "&amp;") number-item }  -- an item that starts a new body ends the list;
///                                                             -- after singular "nr" a list must end in "en"
/// number-item   = NUMBER [range NUMBER] | (SESSION | YEARS) | letter  -- "60–62" is 60, 61, 62 (at most 50 papers);
///                                                             -- "2022–2023" after nr is a range too
/// range         = DASH | "t/m" | "tot en met"
/// pages         = ("p" | "pp" | "blz" | "pag" | "pagina" | "bladzijde") ["."] NUMBER [DASH NUMBER]  -- ignored
/// date          = [","] ("van" | "d.d" ["."] | "dd") DATE   -- dates every reference of its body
///
/// handelingen   = hand-head [kamer] [","] [when [","]] hand-body { (";" | "," | "en") [session [","]] hand-body }
/// hand-head     = "Handelingen" | "Hand" "."                 -- capital H and the dot: "hand" is a Dutch word
/// when          = session | ["vergadering" ["van" | "d.d."]] DATE   -- the sitting's date gives the vergaderjaar
/// hand-body     = (page-label                               -- "85-5-7": sitting 85, item 5, page 7
///                 | nr numbers [[","] items]
///                 | NUMBER "," items) [[","] pages] [date | "," DATE]  -- a bare date there is the sitting's
/// page-label    = NUMBER DASH NUMBER [DASH NUMBER]          -- no spaces, each part at most three digits
/// items         = ("item" | "items") NUMBER { ("," | "en") NUMBER }
/// sitting       = ("TK" | "EK") page-label [","] ["van" | "d.d."] DATE   -- "TK 85-5-7, 25 mei 2023"
/// aanhangsel    = ("Aanhangsel" [("van" | "bij") ["de"]] "Handelingen" | "Aanh" ["."] hand-head)
///                 [kamer] [","] session [","] nr numbers [date] { (";" | "," | "en") [session [","]] nr numbers [date] }
///
/// gazette       = gazette-name gazette-body { (";" | "en" | ",") gazette-body }
/// gazette-name  = "Stb" ["."] | "Staatsblad" | ("Stcrt" | "Stct") ["."] | "Staatscourant" | "Trb" ["."] | "Tractatenblad"
/// gazette-body  = ["van"] YEAR [","] [nr] numbers [[","] pages] [date]   -- digits only; "Stb. 2023" alone is nothing
///
/// kamer         = "I" ["/" "II"] | "II" | "ll" | "Il" | "lI" | "l" | "TK" | "EK" | ["van" "de"] kamer-name  -- "ll": how some PDFs print "II"
/// kamer-name    = ("Tweede" | "Eerste") "Kamer" ["der" "Staten" DASH "Generaal"]
/// session       = ["vergaderjaar" [","]] (SESSION | YEARS)  -- YEARS ("2023–34") gives no vergaderjaar, and a warning;
///                                                             -- after "Kamerstukken [kamer]" a lone YEAR too
/// YEAR          = NUMBER of four digits, 1800–2099
/// </code>
/// <para>
/// A bare "nr. 12", EU legislation ("Verordening (EU) 2021/241") and web addresses other than the official
/// publications' are not citations: nothing starts there. Handelingen and Aanhangsel need a vergaderjaar
/// (printed, or for Handelingen the sitting's date), because their official id cannot be formed without one.
/// </para>
/// </remarks>
public static class CitationParser
{
    /// <summary>
    /// All references cited in <paramref name="text"/>, in order; what was read but not trusted (a range too
    /// wide to expand, a vergaderjaar whose years do not follow each other) is added to <paramref name="warnings"/>.
    /// </summary>
    /// <param name="text">Any text: a paragraph, a footnote, a search query.</param>
    /// <param name="footnote">The number of the footnote the text is; null for body text.</param>
    /// <param name="warnings">Receives one message per doubtful reading; null to ignore them.</param>
    /// <returns>The references, normalised, with their official ids.</returns>
    public static IReadOnlyList<Reference> Parse(string text, string? footnote = null, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new CitationReader(text, CitationTokenizer.Tokenize(text), footnote, warnings).ReadAll();
    }
}
