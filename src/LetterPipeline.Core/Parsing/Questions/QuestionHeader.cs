using System.Text.RegularExpressions;

namespace LetterPipeline.Core.Parsing.Questions;

/// <summary>What the header of written questions says: who asked whom about what, who answered, and when.</summary>
internal sealed record QuestionHeaderFields(
    IReadOnlyList<string> AskedBy,
    IReadOnlyList<string> AddressedTo,
    string? Subject,
    DateOnly? Submitted,
    string? AnsweredBy,
    DateOnly? Received);

/// <summary>
/// Reads the header an Aanhangsel prints above the questions, or the opening of a letter answering them:
/// "Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen D66) aan de Ministers van Buitenlandse Zaken en voor
/// Buitenlandse Handel en Ontwikkelingssamenwerking over … (ingezonden 3 juni 2021)." and "Antwoord van Minister
/// Koolmees (Sociale Zaken en Werkgelegenheid) (ontvangen 21 juni 2021)." (or "Mededeling van …" when the answer came
/// otherwise).
/// </summary>
internal static partial class QuestionHeader
{
    /// <summary>The fields of the header in <paramref name="text"/>, or null when it names no members who asked.</summary>
    public static QuestionHeaderFields? Read(string text)
    {
        var asked = AskedBy().Match(text);
        if (!asked.Success)
        {
            return null;
        }

        var after = text[(asked.Index + asked.Length)..];
        var to = AddressedTo().Match(after);
        var subject = Subject().Match(after);
        var submitted = Submitted().Match(text);
        var received = Received().Match(text);
        var answeredBy = received.Success ? received.Groups["who"].Value : AnsweredInLetter().Match(text) is { Success: true } a ? a.Groups["who"].Value : null;
        return new QuestionHeaderFields(
            Members(asked.Groups["who"].Value),
            to.Success ? Offices(to.Groups["to"].Value) : [],
            subject.Success ? subject.Groups["subject"].Value.Trim() : null,
            submitted.Success ? Date(submitted) : null,
            answeredBy?.Trim(),
            received.Success ? Date(received) : null);
    }

    /// <summary>
    /// "Hirsch (GroenLinks-PvdA) en Teunissen (PvdA)" → both with their party; "Van Weyenberg, Romke de Jong en Kat
    /// (allen D66)" → each of the three with "(D66)".
    /// </summary>
    public static IReadOnlyList<string> Members(string printed)
    {
        var names = new List<(string Name, string? Party)>();
        foreach (var part in MemberSeparator().Split(printed))
        {
            var m = NameAndParty().Match(part.Trim());
            if (m.Success && m.Groups["name"].Value.Length > 0)
            {
                names.Add((m.Groups["name"].Value.Trim(), m.Groups["party"].Success ? m.Groups["party"].Value.Trim() : null));
            }
        }

        var members = new string[names.Count];
        string? shared = null;
        for (var i = names.Count - 1; i >= 0; i--)
        {
            var (name, party) = names[i];
            if (party is not null)
            {
                var group = GroupParty().Match(party);
                shared = group.Success ? group.Groups["party"].Value : null;
                members[i] = $"{name} ({(group.Success ? shared : party)})";
            }
            else
            {
                members[i] = shared is null ? name : $"{name} ({shared})";
            }
        }

        return members;
    }

    /// <summary>
    /// "de Staatssecretaris van Financiën en de Minister voor Buitenlandse Handel" → the two offices without "de";
    /// "de Ministers van Binnenlandse Zaken en Koninkrijksrelaties en van Justitie en Veiligheid" → two Ministers;
    /// "de Staatssecretaris en de Minister van Volksgezondheid, Welzijn en Sport" → both of that ministry.
    /// </summary>
    public static IReadOnlyList<string> Offices(string printed)
    {
        var offices = new List<string>();
        foreach (var part in OfficeSeparator().Split(printed))
        {
            var office = ArticleStart().Replace(part.Trim().TrimEnd(','), "");
            var plural = Plural().Match(office);
            if (plural.Success)
            {
                var title = plural.Groups["title"].Value == "Ministers" ? "Minister" : "Staatssecretaris";
                offices.AddRange(PluralSeparator().Split(plural.Groups["rest"].Value).Select(r => $"{title} {r.Trim()}"));
            }
            else if (office.Length > 0)
            {
                offices.Add(office);
            }
        }

        // A bare title shares the ministry of the office after it.
        for (var i = offices.Count - 2; i >= 0; i--)
        {
            if (!offices[i].Contains(' ', StringComparison.Ordinal) && Complement().Match(offices[i + 1]) is { Success: true } c)
            {
                offices[i] = offices[i] + c.Value;
            }
        }

        return offices;
    }

    private static DateOnly? Date(Match m) => DutchDate.Parse(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value);

    // Names with their party in brackets: "het lid Bouwmeester (PvdA)", "de leden Hirsch (GroenLinks-PvdA) en Teunissen (PvdA)".
    [GeneratedRegex(@"[Vv]ragen\s+van\s+(?:het\s+(?:Kamer)?lid|de\s+(?:Kamer)?leden)\s+(?<who>\p{Lu}[^()]*?\([^()]+\)(?:\s*(?:,|\ben\b)\s*\p{Lu}[^()]*?\([^()]+\))*)")]
    private static partial Regex AskedBy();

    // ", " or " en " outside brackets.
    [GeneratedRegex(@"(?:,\s*|\s+en\s+)(?![^()]*\))")]
    private static partial Regex MemberSeparator();

    [GeneratedRegex(@"^(?<name>[^()]*?)\s*(?:\((?<party>[^()]+)\))?$")]
    private static partial Regex NameAndParty();

    [GeneratedRegex(@"^(?:allen|beiden|beide)\s+(?<party>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex GroupParty();

    [GeneratedRegex(@"^\s*aan\s+(?<to>.+?)(?=\s+over\s|\s*\((?:ingezonden|ingediend)|\.\s|\.?$)")]
    private static partial Regex AddressedTo();

    // Between two offices: ", de " or " en het ", never the commas and "en" inside "Landbouw, Natuur en Voedselkwaliteit".
    [GeneratedRegex(@"\s*(?:,|\ben\b)\s+(?=(?:de|het)\s)")]
    private static partial Regex OfficeSeparator();

    [GeneratedRegex(@"^(?:de|het)\s+")]
    private static partial Regex ArticleStart();

    [GeneratedRegex(@"^(?<title>Ministers|Staatssecretarissen)\s+(?<rest>(?:van|voor)\s.+)$")]
    private static partial Regex Plural();

    [GeneratedRegex(@"\s+en\s+(?=(?:van|voor)\s)")]
    private static partial Regex PluralSeparator();

    [GeneratedRegex(@"\s(?:van|voor)\s.+$")]
    private static partial Regex Complement();

    [GeneratedRegex(@"\sover\s+(?<subject>.+?)\s*(?=\((?:ingezonden|ingediend|kenmerk)|\.\s|\.?$)")]
    private static partial Regex Subject();

    [GeneratedRegex(@"\((?:ingezonden|ingediend)\s+(?<d>\d{1,2})\s+(?<m>\p{L}+)\.?\s+(?<y>\d{4})")]
    private static partial Regex Submitted();

    // "(ontvangen (ontvangen 7 juni 2024)" is printed so once: the name stops at the first "(ontvangen".
    [GeneratedRegex(@"(?:Antwoord|Antwoorden|Mededeling)\s+van\s+(?<who>(?:(?!\(ontvangen).)+?)\s*(?:\(ontvangen\s+)+(?<d>\d{1,2})\s+(?<m>\p{L}+)\.?\s+(?<y>\d{4})\)")]
    private static partial Regex Received();

    [GeneratedRegex(@"Antwoord(?:en)?\s+van\s+(?<who>.+?)\s+op\s+(?:de\s+)?vragen\s+van")]
    private static partial Regex AnsweredInLetter();
}
