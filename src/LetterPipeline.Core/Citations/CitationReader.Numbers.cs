namespace LetterPipeline.Core.Citations;

/// <summary>The rules for numbers, pages and dates, shared by every kind of citation.</summary>
internal sealed partial class CitationReader
{
    private static readonly string[] NrWords = ["nr", "nummer", "no"];
    private static readonly string[] NrsWords = ["nrs", "nummers"];
    private static readonly string[] PageWords = ["p", "pp", "blz", "pag", "pagina", "bladzijde"];

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
        if (Nr(out var plural) && Numbers(numbers, plural, gazette: false))
        {
            return true;
        }

        pos = mark;
        return false;
    }

    // nr = ("nr" | "nrs" | "nummer" | "nummers" | "no") ["."]
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
    // An item that starts a new body ends the list; after a singular "nr" a list must end in "en".
    // A gazette's numbers are digits only, and a year followed by its number starts the next gazette body.
    private bool Numbers(List<string> numbers, bool plural, bool gazette)
    {
        if (!NumberItem(numbers, lettered: !gazette))
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
            if ((comma || Word("en") || Punct('&')) && !(gazette ? StartsGazetteBody() : StartsBody()) && NumberItem(numbers, lettered: !gazette))
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

    // "nr. 121 en 22054, nr. 5": the 22054 opens the next body, it is not a second number; so does
    // "2022/23, 36 200, nr. 5". Looking ahead to the "nr" is enough, and keeps the cost linear: a full
    // Body would look ahead again.
    private bool StartsBody()
    {
        var mark = pos;
        if (Session(out _, allowYear: false))
        {
            Punct(',');
        }

        var starts = false;
        if (Dossiers().Count > 0)
        {
            Punct(',');
            starts = Nr(out _);
        }

        pos = mark;
        return starts;
    }

    // "Stb. 2019, 123 en 2020, 45": a year followed by "," or "nr" opens the next gazette body.
    private bool StartsGazetteBody() =>
        Peek() is { Kind: CitationTokenKind.Number } year && PublicationId.Year(year.Value) is not null
        && pos + 1 < tokens.Count && (tokens[pos + 1].IsPunct(',') || NrWords.Concat(NrsWords).Any(tokens[pos + 1].IsWord));

    // number-item = NUMBER [range NUMBER] | (SESSION | YEARS) with a dash | letter
    private bool NumberItem(List<string> numbers, bool lettered)
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

        // "nrs. 2022–2023" is tokenized as a vergaderjaar (and "nrs. 2019–2025" as two years); after "nr" it can only be a range.
        if (t.Kind is CitationTokenKind.Session or CitationTokenKind.Years && CitationTokenizer.IsDash(text[t.Start + 4]))
        {
            pos++;
            AddRange(numbers, text.Substring(t.Start, 4), text[(t.Start + 5)..t.End]);
            return true;
        }

        // Eerste Kamer papers are lettered: "Kamerstuk 35 447, nr. A". One letter only: "nr. 3 en EU" is not a paper.
        if (lettered && t.Kind is CitationTokenKind.Word or CitationTokenKind.Roman && t.Value.Length == 1 && IsCapitalLetters(t.Value))
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

    // pages = ("p" | "pp" | "blz" | "pag" | "pagina" | "bladzijde") ["."] NUMBER [DASH NUMBER], after an optional ","
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
}
