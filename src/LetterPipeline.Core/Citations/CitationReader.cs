using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Citations;

/// <summary>
/// The recursive-descent reader for the grammar written down on <see cref="CitationParser"/>:
/// one method per rule; a rule that does not match puts the cursor back where it started.
/// This file reads citations of Kamerstukken and publication ids; the other parts of the class read
/// numbers, Handelingen and the official gazettes.
/// </summary>
internal sealed partial class CitationReader(string text, List<CitationToken> tokens, string? footnote, ICollection<string>? warnings)
{
    // Every reference carries its citation's text; a citation longer than any printed one (a list of
    // thousands of numbers in a hostile file) would otherwise make the output grow with the square.
    private const int MaxPrintedLength = 500;

    // Papers filed in several dossiers name two or three; the bound keeps the look-ahead in a long
    // list of four-digit numbers ("nrs. 1880, 1881 en …", each also a possible dossier) constant.
    private const int MaxSharedDossiers = 10;

    // Warnings of the citation being read, with the token they arose at: a rule that backtracks past that
    // token drops its warning, and a citation that does not match drops them all.
    private readonly List<(int Token, string Message)> pending = [];

    private int pos;

    public List<Reference> ReadAll()
    {
        var references = new List<Reference>();
        while (pos < tokens.Count)
        {
            var start = pos;
            if (!Citation(references))
            {
                pos = start + 1;
            }
        }

        return references;
    }

    // The words a citation can start with: the first word of every head above and below. Most tokens of a
    // letter start none, and are passed over without trying every rule.
    private static readonly HashSet<string> FirstWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Kamerstuk", "Kamerstukken", "Kamerstuknummer", "Kamerstuknummers", "Kst", "Kamerst", "Kamerstuknr", "Bijl", "Bijlagen",
        "Tweede", "Eerste", "TK", "EK", "Handelingen", "Hand", "Aanhangsel", "Aanh",
        "Stb", "Staatsblad", "Stcrt", "Stct", "Staatscourant", "Trb", "Tractatenblad",
    };

    // citation = identifier | aanhangsel | handelingen | sitting | gazette | kamerstukken
    private bool Citation(List<Reference> references)
    {
        if (Peek() is not { } first
            || !(first.Kind == CitationTokenKind.Identifier || (first.Kind is CitationTokenKind.Word or CitationTokenKind.Roman && FirstWords.Contains(first.Value))))
        {
            return false;
        }

        var start = pos;
        var found = new List<CitedPaper>();
        pending.Clear();
        if (!(Identifier(found) || Aanhangsel(found) || Handelingen(found) || Sitting(found) || Gazette(found) || Kamerstukken(found)))
        {
            return false;
        }

        foreach (var (token, message) in pending.Where(p => p.Token < pos))
        {
            warnings?.Add(message);
        }

        var printed = text[tokens[start].Start..tokens[pos - 1].End];
        if (printed.Length > MaxPrintedLength)
        {
            printed = printed[..MaxPrintedLength] + "…";
        }

        references.AddRange(found.Select(f => f.ToReference(printed, footnote)));
        return true;
    }

    // identifier = ID
    private bool Identifier(List<CitedPaper> found)
    {
        if (Peek() is { Kind: CitationTokenKind.Identifier } t && PublicationId.TryRead(t.Value, out var paper))
        {
            pos++;
            found.Add(paper);
            return true;
        }

        return false;
    }

    // kamerstukken = kst-head [","|":"] [kamer [","]] [session [","]] body { body-sep [[kamer] session [","]] body }
    private bool Kamerstukken(List<CitedPaper> found)
    {
        var mark = pos;
        if (!KamerstukHead(out var session, out var headSession, out var kamer))
        {
            return false;
        }

        _ = Punct(',') || Punct(':');
        if (Kamer(out var printedKamer))
        {
            kamer = printedKamer;
            Punct(',');
        }

        if (!headSession && Session(out session, allowYear: true))
        {
            Punct(',');
        }

        if (!Body(found, session, kamer))
        {
            pos = mark;
            return false;
        }

        while (true)
        {
            var next = pos;
            if (!BodySeparator())
            {
                return true;
            }

            // "…; 2022/23, 36 200-XII, nr. 60": a later citation in the note may print its own vergaderjaar.
            var later = session;
            var own = pos;
            var laterKamer = kamer;
            if (Kamer(out var k))
            {
                laterKamer = k;
                Punct(',');
            }

            if (Session(out var printed, allowYear: false))
            {
                later = printed;
                Punct(',');
            }
            else
            {
                pos = own;
                laterKamer = kamer;
            }

            if (!Body(found, later, laterKamer))
            {
                pos = next;
                return true;
            }
        }
    }

    // kst-head = "Kamerstuk" | "Kamerstukken" | "Kamerstuknummer" | ("Kst" | "Kamerst" | "Kamerstuknr") ["."]
    //          | "Bijl" ["."] "Hand" ["."] | "Bijlagen" "Handelingen"
    //          | (kamer-name | "TK" | "EK") [","] session
    private bool KamerstukHead(out string? session, out bool headSession, out string? kamer)
    {
        session = null;
        headSession = false;
        kamer = null;
        if (Word("Kamerstuk") || Word("Kamerstukken") || Word("Kamerstuknummer") || Word("Kamerstuknummers"))
        {
            return true;
        }

        if (Word("Kst") || Word("Kamerst") || Word("Kamerstuknr"))
        {
            Punct('.');
            return true;
        }

        var mark = pos;
        if (Word("Bijl"))
        {
            Punct('.');
            if (Word("Hand"))
            {
                Punct('.');
                return true;
            }
        }

        pos = mark;
        if (Word("Bijlagen") && Word("Handelingen"))
        {
            return true;
        }

        pos = mark;
        if (KamerName(out var name) || Word("TK") || Word("EK"))
        {
            kamer = tokens[pos - 1].IsWord("EK") ? "ek" : tokens[pos - 1].IsWord("TK") ? "tk" : name;
            Punct(',');
            if (Session(out session, allowYear: false))
            {
                headSession = true;
                return true;
            }
        }

        pos = mark;
        return false;
    }

    // body-sep = "," ["en"] | ";" | "en"
    private bool BodySeparator()
    {
        if (Punct(','))
        {
            Word("en");
            return true;
        }

        return Punct(';') || Word("en");
    }

    // body = numbered | compact | lettered, then [[","] pages] [date]
    // Only the Eerste Kamer letters its papers: after a Tweede Kamer head, "36 200, A" is a fund's chapter, no paper.
    private bool Body(List<CitedPaper> found, string? session, string? kamer)
    {
        var mark = pos;
        var dossiers = new List<string>();
        var numbers = new List<string>();
        if (!(NumberedBody(dossiers, numbers) || Reset(mark, dossiers, numbers) && CompactBody(dossiers, numbers)
              || kamer != "tk" && Reset(mark, dossiers, numbers) && LetteredBody(dossiers, numbers)))
        {
            pos = mark;
            return false;
        }

        OptionalPages();
        var date = OptionalDate();
        foreach (var number in numbers)
        {
            foreach (var dossier in dossiers)
            {
                found.Add(CitedPaper.Kamerstuk(dossier, number, session, date));
            }
        }

        return true;
    }

    private bool Reset(int mark, List<string> dossiers, List<string> numbers)
    {
        pos = mark;
        dossiers.Clear();
        numbers.Clear();
        return true;
    }

    // numbered = dossiers [","] nr-groups                    -- "36 045, nr. 121", "22 054 en 36 045, nr. 374"
    private bool NumberedBody(List<string> dossiers, List<string> numbers)
    {
        dossiers.AddRange(Dossiers());
        if (dossiers.Count == 0)
        {
            return false;
        }

        Punct(',');
        numbers.AddRange(NrGroups());
        return numbers.Count > 0;
    }

    // compact = MAIN DASH part DASH paper-nr | MAIN DASH NUMBER   -- printed without spaces: "36200-XII-60", "21501-02-2586"
    // With one part after the dossier, that part is the number unless it is two digits ("21501-02": a
    // sub-dossier); a Roman numeral is a chapter and letters may be either, so those cite no paper.
    private bool CompactBody(List<string> dossiers, List<string> numbers)
    {
        if (Main() is not { } main || !Glued(CitationTokenKind.Dash) || Peek() is not { } part || !IsGluedToPrevious(part))
        {
            return false;
        }

        pos++;
        var afterPart = pos;
        if (Glued(CitationTokenKind.Dash) && Peek() is { } last && IsGluedToPrevious(last) && IsPaperNumber(last) && IsSuffix(part, afterDash: true))
        {
            pos++;
            if (!EndsCompact())
            {
                return false;
            }

            dossiers.Add(main + "-" + part.Value.ToUpperInvariant());
            numbers.Add(last.Value);
            return true;
        }

        pos = afterPart;
        if (part.Kind == CitationTokenKind.Number && part.Value.Length != 2 && EndsCompact())
        {
            dossiers.Add(main);
            numbers.Add(part.Value);
            return true;
        }

        return false;
    }

    // "36200-XII-60-5" is none of the compact forms.
    private bool EndsCompact() => Peek() is not { Kind: CitationTokenKind.Dash } dash || !IsGluedToPrevious(dash);

    private static bool IsPaperNumber(CitationToken t) =>
        t.Kind == CitationTokenKind.Number || (t.Kind == CitationTokenKind.Word && IsCapitalLetters(t.Value));

    // lettered = dossier "," letter { ("," | "en") letter }  -- Eerste Kamer papers: "36 450, A", "36 200 XII, D"
    private bool LetteredBody(List<string> dossiers, List<string> numbers)
    {
        if (Dossier() is not { } dossier || !Punct(',') || !Letter(numbers))
        {
            return false;
        }

        dossiers.Add(dossier);
        while (true)
        {
            var mark = pos;
            if (!((Punct(',') || Word("en")) && Letter(numbers)))
            {
                pos = mark;
                return true;
            }
        }
    }

    // letter = one or two capitals, not a Roman numeral ("V" may be a chapter), not followed by a word or a number
    // ("36 450, U heeft" is a sentence going on)
    private bool Letter(List<string> numbers)
    {
        if (Peek() is not { Kind: CitationTokenKind.Word } t || !IsCapitalLetters(t.Value))
        {
            return false;
        }

        var next = pos + 1 < tokens.Count ? tokens[pos + 1] : (CitationToken?)null;
        if (next is { } n && n.Kind != CitationTokenKind.Punct
            && !(n.IsWord("en") || n.IsWord("van") || n.IsWord("d") || n.IsWord("dd") || PageWords.Any(n.IsWord)))
        {
            return false;
        }

        pos++;
        numbers.Add(t.Value);
        return true;
    }

    // dossiers = dossier { ("en" | "," | "&") dossier }, at most MaxSharedDossiers
    private List<string> Dossiers()
    {
        var dossiers = new List<string>();
        if (Dossier() is not { } first)
        {
            return dossiers;
        }

        dossiers.Add(first);
        while (dossiers.Count < MaxSharedDossiers)
        {
            var mark = pos;
            if ((Word("en") || Punct(',') || Punct('&')) && Dossier() is { } next)
            {
                dossiers.Add(next);
            }
            else
            {
                pos = mark;
                break;
            }
        }

        return dossiers;
    }

    // dossier = MAIN [suffix]
    // suffix  = DASH (NUMBER of 1–3 digits | ROMAN | letters) | ROMAN | letters (before [","] nr) | [","] "hoofdstuk" ROMAN
    private string? Dossier()
    {
        if (Main() is not { } main)
        {
            return null;
        }

        var mark = pos;
        if (Kind(CitationTokenKind.Dash) && Peek() is { } s && IsSuffix(s, afterDash: true))
        {
            pos++;
            return main + "-" + s.Value.ToUpperInvariant();
        }

        pos = mark;
        if (Peek() is { Kind: CitationTokenKind.Roman } roman)
        {
            pos++;
            return main + "-" + roman.Value;
        }

        // "36 200 A, nr. 5": a fund's begroting (A, J) printed without its dash; only where a number follows.
        if (Peek() is { Kind: CitationTokenKind.Word } letters && IsCapitalLetters(letters.Value))
        {
            pos++;
            var afterLetters = pos;
            Punct(',');
            var numbered = Nr(out _);
            pos = afterLetters;
            if (numbered)
            {
                return main + "-" + letters.Value;
            }

            pos = mark;
        }

        Punct(',');
        if (Word("hoofdstuk") && Peek() is { Kind: CitationTokenKind.Roman } chapter)
        {
            pos++;
            return main + "-" + chapter.Value;
        }

        pos = mark;
        return main;
    }

    // MAIN = DOSSIER | NUMBER of 4 to 6 digits that is not a year (1800–2099)
    private string? Main()
    {
        if (Peek() is { } t && (t.Kind == CitationTokenKind.Dossier || (t.Kind == CitationTokenKind.Number && PublicationId.IsMain(t.Value))))
        {
            pos++;
            return t.Value;
        }

        return null;
    }

    private static bool IsSuffix(CitationToken t, bool afterDash) => t.Kind switch
    {
        CitationTokenKind.Number => afterDash && t.Value.Length <= 3,
        CitationTokenKind.Roman => true,
        // "36 200-vii" printed in lower case, or a lettered dossier such as "-A".
        CitationTokenKind.Word => afterDash && (CitationTokenizer.IsRoman(t.Value.ToUpperInvariant()) || IsCapitalLetters(t.Value)),
        _ => false,
    };

    private CitationToken? Peek() => pos < tokens.Count ? tokens[pos] : null;

    private bool IsGluedToPrevious(CitationToken t) => pos > 0 && tokens[pos - 1].End == t.Start;

    // A token of this kind printed right against the previous one, as the parts of "36200-XII-60" are.
    private bool Glued(CitationTokenKind kind)
    {
        if (Peek() is { } t && t.Kind == kind && IsGluedToPrevious(t))
        {
            pos++;
            return true;
        }

        return false;
    }

    private bool Word(string word)
    {
        if (Peek() is { } t && t.IsWord(word))
        {
            pos++;
            return true;
        }

        return false;
    }

    private bool WordIn(string[] words)
    {
        if (Peek() is { } t && words.Any(t.IsWord))
        {
            pos++;
            return true;
        }

        return false;
    }

    private bool Punct(char c)
    {
        if (Peek() is { } t && t.IsPunct(c))
        {
            pos++;
            return true;
        }

        return false;
    }

    private bool Kind(CitationTokenKind kind)
    {
        if (Peek() is { } t && t.Kind == kind)
        {
            pos++;
            return true;
        }

        return false;
    }

    private static bool IsCapitalLetters(string s) => s.Length is > 0 and <= 2 && s.All(char.IsAsciiLetterUpper);
}
