using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Citations;

/// <summary>The rules for the Handelingen, Aanhangsels, Kamers and vergaderjaren.</summary>
internal sealed partial class CitationReader
{
    // handelingen = hand-head [kamer] [","] [when [","]] hand-body { (";" | "," | "en") [session [","]] hand-body }
    // hand-head   = "Handelingen" | "Hand" "."
    // when        = session | ["vergadering" ["van" | "d.d."]] DATE   -- a sitting's date gives its vergaderjaar
    private bool Handelingen(List<CitedPaper> found)
    {
        var mark = pos;
        if (!HandelingenHead())
        {
            return false;
        }

        var kamer = Kamer(out var k) ? k : "tk";
        Punct(',');
        var session = When(out var sitting);
        if (!HandelingenBody(found, ReferenceKind.Handelingen, kamer, session, sitting))
        {
            pos = mark;
            return false;
        }

        Continuations(found, ReferenceKind.Handelingen, kamer, session);
        return true;
    }

    // aanhangsel = ("Aanhangsel" [("van" | "bij") ["de"]] "Handelingen" | "Aanh" ["."] hand-head)
    //              [kamer] [","] session [","] nr numbers [date] { (";" | "," | "en") [session [","]] nr numbers [date] }
    private bool Aanhangsel(List<CitedPaper> found)
    {
        var mark = pos;
        if (!AanhangselHead())
        {
            pos = mark;
            return false;
        }

        var kamer = Kamer(out var k) ? k : "tk";
        Punct(',');
        if (!(Session(out var session, allowYear: false) && session is not null))
        {
            pos = mark;
            return false;
        }

        Punct(',');
        if (!HandelingenBody(found, ReferenceKind.Aanhangsel, kamer, session, null))
        {
            pos = mark;
            return false;
        }

        Continuations(found, ReferenceKind.Aanhangsel, kamer, session);
        return true;
    }

    private bool AanhangselHead()
    {
        if (Word("Aanhangsel"))
        {
            if (Word("van") || Word("bij"))
            {
                Word("de");
            }

            return Word("Handelingen");
        }

        if (Word("Aanh"))
        {
            Punct('.');
            return HandelingenHead();
        }

        return false;
    }

    // "Hand." is the lawyers' abbreviation; "hand" alone is a Dutch word ("aan de hand van"), so the capital and the dot are required.
    private bool HandelingenHead()
    {
        if (Word("Handelingen"))
        {
            return true;
        }

        var mark = pos;
        if (Peek() is { Value: "Hand" } && Word("Hand") && Punct('.'))
        {
            return true;
        }

        pos = mark;
        return false;
    }

    // when = session | ["vergadering" ["van" | "d.d."]] DATE; the vergaderjaar it gives (null when neither is printed, or a wrong one is)
    private string? When(out DateOnly? sitting)
    {
        sitting = null;
        if (Session(out var session, allowYear: false))
        {
            Punct(',');
            return session;
        }

        var mark = pos;
        if (Word("vergadering"))
        {
            _ = Word("van") || DateAbbreviation();
        }

        if (Peek() is { Kind: CitationTokenKind.Date } date)
        {
            pos++;
            Punct(',');
            sitting = date.Date;
            return Vergaderjaar.Of(date.Date);
        }

        pos = mark;
        return null;
    }

    // { (";" | "," | "en") [session [","]] hand-body }: "Handelingen II 2022/23, nr. 85, item 5; nr. 86, item 3"
    private void Continuations(List<CitedPaper> found, ReferenceKind kind, string kamer, string? session)
    {
        while (true)
        {
            var mark = pos;
            if (!(Punct(';') || Punct(',') || Word("en")))
            {
                return;
            }

            var later = session;
            if (Session(out var printed, allowYear: false))
            {
                later = printed;
                Punct(',');
            }

            if (!HandelingenBody(found, kind, kamer, later, null))
            {
                pos = mark;
                return;
            }
        }
    }

    // hand-body = (page-label                                          -- "85-5-7": sitting 85, item 5, page 7
    //            | nr numbers [[","] items]
    //            | NUMBER "," items) [[","] pages] [date | "," DATE]   -- "2022/23, 85, item 5"; a bare date is the sitting's
    // Page labels and items are Handelingen only. Without a printed vergaderjaar, the sitting's date gives it;
    // without either the official id cannot be formed, so there is no reference.
    private bool HandelingenBody(List<CitedPaper> found, ReferenceKind kind, string kamer, string? session, DateOnly? sitting)
    {
        var mark = pos;
        var handelingen = kind == ReferenceKind.Handelingen;
        var numbers = new List<string>();
        var items = new List<string?>();
        var read = handelingen && (PageLabel(numbers, items, minParts: 2) || Reset(mark) && Nr(out var one) && !one && PageLabel(numbers, items, minParts: 3));
        if (!read && Reset(mark) && Nr(out var plural))
        {
            // Without a vergaderjaar yet, only a trailing date can still give one: read a single number, so
            // that "Handelingen Handelingen … nr. 1, 2, …" does not read the same long list once per head.
            if (session is null && sitting is null && Peek() is { Kind: CitationTokenKind.Number } single)
            {
                pos++;
                numbers.Add(single.Value);
                read = true;
            }
            else
            {
                read = Numbers(numbers, plural, gazette: false);
            }

            items = read && handelingen ? OptionalItems() : [];
        }

        if (!read && Reset(mark) && handelingen && Peek() is { Kind: CitationTokenKind.Number } meeting)
        {
            pos++;
            items = OptionalItems();
            read = items.Count > 0;
            numbers.Add(meeting.Value);
        }

        if (!read)
        {
            pos = mark;
            return false;
        }

        OptionalPages();
        var date = OptionalDate() ?? (handelingen ? SittingDate() : null) ?? sitting;
        session ??= date is { } d && handelingen ? Vergaderjaar.Of(d) : null;
        if (session is null)
        {
            pos = mark;
            return false;
        }

        foreach (var number in numbers)
        {
            foreach (var item in items.DefaultIfEmpty())
            {
                found.Add(new CitedPaper(kind, null, number, session, item, date, kamer));
            }
        }

        return true;
    }

    // [","] DATE after a Handelingen body is the sitting's date: "Handelingen II 85-5-7, 25 mei 2023".
    private DateOnly? SittingDate()
    {
        var mark = pos;
        Punct(',');
        if (Peek() is { Kind: CitationTokenKind.Date } date)
        {
            pos++;
            return date.Date;
        }

        pos = mark;
        return null;
    }

    private bool Reset(int mark)
    {
        pos = mark;
        return true;
    }

    // sitting = ("TK" | "EK") page-label [","] ["van" | "d.d."] DATE   -- "TK 85-5-7, 25 mei 2023": a Handelingen page label and its date
    private bool Sitting(List<CitedPaper> found)
    {
        var mark = pos;
        var kamer = Word("TK") ? "tk" : Word("EK") ? "ek" : null;
        if (kamer is null)
        {
            return false;
        }

        var numbers = new List<string>();
        var items = new List<string?>();
        if (!PageLabel(numbers, items, minParts: 2))
        {
            pos = mark;
            return false;
        }

        Punct(',');
        _ = Word("van") || DateAbbreviation();
        if (Peek() is not { Kind: CitationTokenKind.Date } date)
        {
            pos = mark;
            return false;
        }

        pos++;
        found.Add(new CitedPaper(ReferenceKind.Handelingen, null, numbers[0], Vergaderjaar.Of(date.Date), items[0], date.Date, kamer));
        return true;
    }

    // page-label = NUMBER DASH NUMBER [DASH NUMBER], printed without spaces, each part at most three digits
    // (a sitting has at most a few hundred pages; "3485-3497" is a page range of the old numbering)
    private bool PageLabel(List<string> numbers, List<string?> items, int minParts)
    {
        var mark = pos;
        var parts = new List<string>();
        if (Peek() is { Kind: CitationTokenKind.Number } first && first.Value.Length <= 3)
        {
            pos++;
            parts.Add(first.Value);
            while (parts.Count < 3 && Peek() is { Kind: CitationTokenKind.Dash } dash && IsGluedToPrevious(dash)
                   && pos + 1 < tokens.Count && tokens[pos + 1] is { Kind: CitationTokenKind.Number } part
                   && part.Value.Length <= 3 && part.Start == dash.End)
            {
                pos += 2;
                parts.Add(part.Value);
            }
        }

        if (parts.Count >= minParts && EndsCompact())
        {
            numbers.Add(parts[0]);
            items.Add(parts[1]);
            return true;
        }

        pos = mark;
        return false;
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

    // kamer = "I" ["/" "II"] | "II" | "ll" | "l" | "Il" | "lI" | "TK" | "EK" | ["van" "de"] kamer-name; out: "tk" or "ek" as in official ids
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
                // "Kamerstukken I/II": a paper of both Kamers, numbered in the Tweede Kamer's series.
                var both = pos;
                if (Punct('/') && Word("II"))
                {
                    return true;
                }

                pos = both;
                kamer = "ek";
                return true;
        }

        var mark = pos;
        if (Word("van") && Word("de") && KamerName(out kamer))
        {
            return true;
        }

        pos = mark;
        return KamerName(out kamer);
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

    // session = ["vergaderjaar" [","]] (SESSION | YEARS | YEAR)
    // YEARS ("2023–34") is read as the vergaderjaar it was meant to be, but gives none (with a warning);
    // a single YEAR only where Kamerstukken print their vergaderjaar ("Kamerstukken II 2022, 36 200, nr. 5").
    private bool Session(out string? session, bool allowYear)
    {
        var mark = pos;
        session = null;
        if (Word("vergaderjaar"))
        {
            Punct(',');
        }

        switch (Peek())
        {
            case { Kind: CitationTokenKind.Session } t:
                pos++;
                session = t.Value;
                return true;
            case { Kind: CitationTokenKind.Years } t:
                pos++;
                pending.Add((pos - 1, $"'{t.Value}' is printed as a vergaderjaar but its years do not follow each other; left out."));
                return true;
            case { Kind: CitationTokenKind.Number } t when allowYear && PublicationId.Year(t.Value) is not null:
                pos++;
                return true;
            default:
                pos = mark;
                return false;
        }
    }
}
