using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Citations;

/// <summary>
/// The recursive-descent reader for the grammar written down on <see cref="CitationParser"/>:
/// one method per rule; a rule that does not match puts the cursor back where it started.
/// </summary>
internal sealed class CitationReader(string text, List<CitationToken> tokens, string? footnote, ICollection<string>? warnings)
{
    // Every reference carries its citation's text; a citation longer than any printed one (a list of
    // thousands of numbers in a hostile file) would otherwise make the output grow with the square.
    private const int MaxPrintedLength = 500;

    // Papers filed in several dossiers name two or three; the bound keeps the look-ahead in a long
    // list of four-digit numbers ("nrs. 1880, 1881 en …", each also a possible dossier) constant.
    private const int MaxSharedDossiers = 10;

    private static readonly string[] NrWords = ["nr", "nummer"];
    private static readonly string[] NrsWords = ["nrs", "nummers"];
    private static readonly string[] PageWords = ["p", "pp", "blz", "pag", "pagina", "bladzijde"];

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

    // citation = aanhangsel | handelingen | kamerstukken
    private bool Citation(List<Reference> references)
    {
        var start = pos;
        var found = new List<Found>();
        pending.Clear();
        if (!(Aanhangsel(found) || Handelingen(found) || Kamerstukken(found)))
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

    // kamerstukken = kst-head [","] [kamer [","]] [session [","]] body { body-sep body }
    private bool Kamerstukken(List<Found> found)
    {
        var mark = pos;
        if (!KamerstukHead(out var session))
        {
            return false;
        }

        Punct(',');
        if (Kamer(out _))
        {
            Punct(',');
        }

        if (session is null && Session(out session))
        {
            Punct(',');
        }

        if (!Body(found, session))
        {
            pos = mark;
            return false;
        }

        while (true)
        {
            var next = pos;
            if (!(BodySeparator() && Body(found, session)))
            {
                pos = next;
                return true;
            }
        }
    }

    // kst-head = "Kamerstuk" | "Kamerstukken" | "Kst" ["."] | (kamer-name | "TK" | "EK") [","] session
    private bool KamerstukHead(out string? session)
    {
        session = null;
        if (Word("Kamerstuk") || Word("Kamerstukken"))
        {
            return true;
        }

        if (Word("Kst"))
        {
            Punct('.');
            return true;
        }

        var mark = pos;
        if (KamerName(out _) || Word("TK") || Word("EK"))
        {
            Punct(',');
            if (Session(out session))
            {
                return true;
            }
        }

        pos = mark;
        return false;
    }

    // body-sep = "," | ";" | "en"
    private bool BodySeparator() => Punct(',') || Punct(';') || Word("en");

    // body = dossiers [","] nr-groups [[","] pages] [date]
    private bool Body(List<Found> found, string? session)
    {
        var mark = pos;
        var dossiers = Dossiers();
        if (dossiers.Count == 0)
        {
            return false;
        }

        Punct(',');
        var numbers = NrGroups();
        if (numbers.Count == 0)
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
                found.Add(new Found(ReferenceKind.Kamerstuk, dossier, number, session, null, date, "tk"));
            }
        }

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

    // dossier = (DOSSIER | NUMBER of 4 to 6 digits) [suffix]
    // suffix  = DASH (NUMBER | ROMAN | letter) | ROMAN
    private string? Dossier()
    {
        if (Peek() is not { } t
            || !(t.Kind == CitationTokenKind.Dossier || (t.Kind == CitationTokenKind.Number && t.Value.Length is >= 4 and <= 6)))
        {
            return null;
        }

        pos++;
        var mark = pos;
        if (Kind(CitationTokenKind.Dash) && Peek() is { } s && IsSuffix(s, afterDash: true))
        {
            pos++;
            return t.Value + "-" + s.Value.ToUpperInvariant();
        }

        pos = mark;
        if (Peek() is { Kind: CitationTokenKind.Roman } roman)
        {
            pos++;
            return t.Value + "-" + roman.Value;
        }

        return t.Value;
    }

    private static bool IsSuffix(CitationToken t, bool afterDash) => t.Kind switch
    {
        CitationTokenKind.Number => afterDash && t.Value.Length <= 3,
        CitationTokenKind.Roman => true,
        // "36 200-vii" printed in lower case, or a lettered dossier such as "-A".
        CitationTokenKind.Word => afterDash && (IsRoman(t.Value.ToUpperInvariant()) || IsCapitalLetters(t.Value)),
        _ => false,
    };

    // nr-groups = nr-group { ("," | "en") nr-group }
    private List<string> NrGroups()
    {
        var numbers = new List<string>();
        if (!NrGroup(numbers))
        {
            return numbers;
        }

        while (true)
        {
            var mark = pos;
            if (!((Punct(',') || Word("en")) && NrGroup(numbers)))
            {
                pos = mark;
                return numbers;
            }
        }
    }

    // nr-group = nr numbers
    private bool NrGroup(List<string> numbers)
    {
        var mark = pos;
        if (Nr(out var plural) && Numbers(numbers, plural))
        {
            return true;
        }

        pos = mark;
        return false;
    }

    // nr = ("nr" | "nrs" | "nummer" | "nummers") ["."]
    private bool Nr(out bool plural)
    {
        plural = WordIn(NrsWords);
        if (!(plural || WordIn(NrWords)))
        {
            return false;
        }

        Punct('.');
        return true;
    }

    // numbers = number-item { ("," | "en" | "&") number-item }
    private bool Numbers(List<string> numbers, bool plural)
    {
        if (!NumberItem(numbers))
        {
            return false;
        }

        // Where each "," continuation began: (cursor before the comma, numbers read before it).
        var commaTail = new Stack<(int Pos, int Count)>();
        while (true)
        {
            var mark = pos;
            var count = numbers.Count;
            var comma = Punct(',');
            if ((comma || Word("en") || Punct('&')) && !StartsBody() && NumberItem(numbers))
            {
                if (comma)
                {
                    commaTail.Push((mark, count));
                }
                else
                {
                    commaTail.Clear();
                }

                continue;
            }

            pos = mark;
            break;
        }

        // A Dutch list ends in "en": after a singular "nr. 12" a trailing ", 13" is the sentence going on
        // ("nr. 12, 13 procent"), while "nr. 12, 13 en 14" and "nrs. 12, 13" are lists.
        if (!plural && commaTail.Count > 0)
        {
            var (tailPos, tailCount) = commaTail.Last();
            pos = tailPos;
            numbers.RemoveRange(tailCount, numbers.Count - tailCount);
        }

        return true;
    }

    // "nr. 121 en 22054, nr. 5": the 22054 opens the next body, it is not a second number. Looking
    // ahead to the "nr" is enough, and keeps the cost linear: a full Body would look ahead again.
    private bool StartsBody()
    {
        var mark = pos;
        var starts = false;
        if (Dossiers().Count > 0)
        {
            Punct(',');
            starts = Nr(out _);
        }

        pos = mark;
        return starts;
    }

    // number-item = NUMBER [range NUMBER] | letter
    private bool NumberItem(List<string> numbers)
    {
        if (Peek() is not { } t)
        {
            return false;
        }

        if (t.Kind == CitationTokenKind.Number)
        {
            pos++;
            var mark = pos;
            if (Range() && Peek() is { Kind: CitationTokenKind.Number } high)
            {
                pos++;
                AddRange(numbers, t.Value, high.Value);
            }
            else
            {
                pos = mark;
                numbers.Add(t.Value);
            }

            return true;
        }

        // "nrs. 2022–2023" is tokenized as a vergaderjaar; after "nr" it can only be a range.
        if (t.Kind == CitationTokenKind.Session && CitationTokenizer.IsDash(text[t.Start + 4]))
        {
            pos++;
            AddRange(numbers, text.Substring(t.Start, 4), text[(t.Start + 5)..t.End]);
            return true;
        }

        // Eerste Kamer papers are lettered: "Kamerstuk 35 447, nr. A". One letter only: "nr. 3 en EU" is not a paper.
        if (t.Kind is CitationTokenKind.Word or CitationTokenKind.Roman && t.Value.Length == 1 && IsCapitalLetters(t.Value))
        {
            pos++;
            numbers.Add(t.Value);
            return true;
        }

        return false;
    }

    // range = DASH | "t/m" | "tot en met"
    private bool Range()
    {
        var mark = pos;
        if (Kind(CitationTokenKind.Dash) || (Word("t") && Punct('/') && Word("m")) || (Word("tot") && Word("en") && Word("met")))
        {
            return true;
        }

        pos = mark;
        return false;
    }

    private void AddRange(List<string> numbers, string low, string high)
    {
        numbers.AddRange(NumberRange.Expand(low, high, out var warning));
        if (warning is not null)
        {
            pending.Add((pos - 1, warning));
        }
    }

    // pages = ("p" | "pp" | "blz" | "pag" | "pagina") ["."] NUMBER [DASH NUMBER], after an optional ","
    private void OptionalPages()
    {
        var mark = pos;
        Punct(',');
        if (WordIn(PageWords))
        {
            Punct('.');
            if (Kind(CitationTokenKind.Number))
            {
                var afterFirst = pos;
                if (!(Kind(CitationTokenKind.Dash) && Kind(CitationTokenKind.Number)))
                {
                    pos = afterFirst;
                }

                return;
            }
        }

        pos = mark;
    }

    // date = [","] ("van" | "d.d." | "dd") DATE
    private DateOnly? OptionalDate()
    {
        var mark = pos;
        Punct(',');
        if ((Word("van") || Word("dd") || DateAbbreviation()) && Peek() is { Kind: CitationTokenKind.Date } date)
        {
            pos++;
            return date.Date;
        }

        pos = mark;
        return null;
    }

    // "d.d." (de dato), also printed "d.d" before the date.
    private bool DateAbbreviation()
    {
        var mark = pos;
        if (Word("d") && Punct('.') && Word("d"))
        {
            Punct('.');
            return true;
        }

        pos = mark;
        return false;
    }

    // handelingen = "Handelingen" [kamer] [","] session [","] nr numbers [[","] items] [[","] pages] [date]
    private bool Handelingen(List<Found> found)
    {
        var mark = pos;
        if (!(Word("Handelingen") && HandelingenNumbers(out var kamer, out var session, out var numbers)))
        {
            pos = mark;
            return false;
        }

        var items = OptionalItems();
        OptionalPages();
        var date = OptionalDate();
        foreach (var number in numbers)
        {
            foreach (var item in items.DefaultIfEmpty())
            {
                found.Add(new Found(ReferenceKind.Handelingen, null, number, session, item, date, kamer));
            }
        }

        return true;
    }

    // aanhangsel = "Aanhangsel" [("van" | "bij") ["de"]] "Handelingen" [kamer] [","] session [","] nr numbers [date]
    private bool Aanhangsel(List<Found> found)
    {
        var mark = pos;
        if (!Word("Aanhangsel"))
        {
            return false;
        }

        if (Word("van") || Word("bij"))
        {
            Word("de");
        }

        if (!(Word("Handelingen") && HandelingenNumbers(out var kamer, out var session, out var numbers)))
        {
            pos = mark;
            return false;
        }

        var date = OptionalDate();
        found.AddRange(numbers.Select(n => new Found(ReferenceKind.Aanhangsel, null, n, session, null, date, kamer)));
        return true;
    }

    // The part Handelingen and Aanhangsel share: [kamer] [","] session [","] nr numbers
    private bool HandelingenNumbers(out string kamer, out string session, out List<string> numbers)
    {
        numbers = [];
        kamer = Kamer(out var k) ? k : "tk";
        Punct(',');
        if (!Session(out var s))
        {
            session = "";
            return false;
        }

        session = s;
        Punct(',');
        return Nr(out var plural) && Numbers(numbers, plural);
    }

    // items = ("item" | "items") NUMBER { ("," | "en") NUMBER }, after an optional ","
    private List<string?> OptionalItems()
    {
        var items = new List<string?>();
        var mark = pos;
        Punct(',');
        if (!(Word("item") || Word("items")) || Peek() is not { Kind: CitationTokenKind.Number } first)
        {
            pos = mark;
            return items;
        }

        pos++;
        items.Add(first.Value);
        while (true)
        {
            var next = pos;
            if ((Punct(',') || Word("en")) && Peek() is { Kind: CitationTokenKind.Number } item)
            {
                pos++;
                items.Add(item.Value);
            }
            else
            {
                pos = next;
                return items;
            }
        }
    }

    // kamer = "I" | "II" | "ll" | "l" | "Il" | "TK" | "EK" | kamer-name; out: "tk" or "ek" as in official ids
    private bool Kamer(out string kamer)
    {
        kamer = "tk";
        if (Peek() is not { } t)
        {
            return false;
        }

        switch (t.Value)
        {
            case "II" or "ll" or "Il" or "lI" or "TK":
                pos++;
                return true;
            case "I" or "l" or "EK":
                pos++;
                kamer = "ek";
                return true;
            default:
                return KamerName(out kamer);
        }
    }

    // kamer-name = ("Tweede" | "Eerste") "Kamer" ["der" "Staten" DASH "Generaal"]
    private bool KamerName(out string kamer)
    {
        var mark = pos;
        kamer = Word("Eerste") ? "ek" : "tk";
        if (!((kamer == "ek" || Word("Tweede")) && Word("Kamer")))
        {
            pos = mark;
            return false;
        }

        var afterKamer = pos;
        if (!(Word("der") && Word("Staten") && Kind(CitationTokenKind.Dash) && Word("Generaal")))
        {
            pos = afterKamer;
        }

        return true;
    }

    // session = ["vergaderjaar" [","]] SESSION
    private bool Session([NotNullWhen(true)] out string? session)
    {
        var mark = pos;
        if (Word("vergaderjaar"))
        {
            Punct(',');
        }

        if (Peek() is { Kind: CitationTokenKind.Session } t)
        {
            pos++;
            session = t.Value;
            return true;
        }

        pos = mark;
        session = null;
        return false;
    }

    private CitationToken? Peek() => pos < tokens.Count ? tokens[pos] : null;

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

    private static bool IsRoman(string s) => s.Length > 0 && s.All(c => c is 'I' or 'V' or 'X' or 'L' or 'C');

    private static bool IsCapitalLetters(string s) => s.Length is > 0 and <= 2 && s.All(char.IsAsciiLetterUpper);

    /// <summary>A reference before its printed text is known (that is the whole citation, read last).</summary>
    private readonly record struct Found(
        ReferenceKind Kind, string? Dossier, string Number, string? Session, string? Item, DateOnly? Date, string Kamer)
    {
        public Reference ToReference(string printed, string? footnote)
        {
            var sessionDigits = Session?.Replace("-", "", StringComparison.Ordinal);
            var id = Kind switch
            {
                ReferenceKind.Kamerstuk => $"kst-{Dossier}-{Number}",
                ReferenceKind.Handelingen => $"h-{Kamer}-{sessionDigits}-{Number}" + (Item is null ? "" : $"-{Item}"),
                _ => $"ah-{Kamer}-{sessionDigits}-{Number}",
            };
            return new Reference(Kind, Dossier, Number, Session, Item, Date, id, printed, footnote);
        }
    }
}
