using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing.Identity;

/// <summary>What an Aanhangsel van de Handelingen prints about itself; each part null when not printed.</summary>
/// <param name="PublicationId">"ah-tk-20232024-1076": printed in the colophon, or made from the vergaderjaar and the number.</param>
/// <param name="Title">The question's subject line: "Vragen van het lid X (Partij) aan de Minister van … over …".</param>
/// <param name="Date">The date the answer was received: "(ontvangen 20 februari 2024)".</param>
/// <param name="Lines">The masthead, banner and number lines of page 1: furniture, not body.</param>
internal sealed record AanhangselHeading(string? PublicationId, string? Title, DateOnly? Date, IReadOnlySet<TextLine> Lines);

/// <summary>
/// Reads the head of an Aanhangsel van de Handelingen (written questions and their answers): the masthead
/// ("Aanhangsel van de Handelingen", the banner "Vragen gesteld door de leden der Kamer, met de daarop door de regering
/// gegeven antwoorden", its number), the question's subject paragraph "Vragen van … over … (ingezonden …)." and the
/// answer's "(ontvangen …)". The running footer "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel" and the colophon
/// "ah-tk-20232024-1076" identify an Aanhangsel too.
/// </summary>
internal static partial class AanhangselHeaderParser
{
    /// <summary>The Aanhangsel's head, or null when the document is not an Aanhangsel.</summary>
    public static AanhangselHeading? Parse(IReadOnlyList<PageLines> pages, Vocabulary words)
    {
        if (pages.Count == 0)
        {
            return null;
        }

        var first = pages[0];
        var band = pages.SelectMany(p => p.Lines.Where(l => l.Baseline < p.Height * 0.12 || l.Baseline > p.Height * 0.88)).ToList();
        var masthead = first.Lines.FirstOrDefault(l => l.Text == "Aanhangsel van de Handelingen" && l.Baseline > first.Height * 0.6);
        var footer = band.Select(l => Footer().Match(l.Text)).FirstOrDefault(m => m.Success);
        // The colophon stands at the foot of page 1 only; elsewhere such an id is a citation.
        var colophon = band.Where(l => l.Page == first.Number).Select(l => Colophon().Match(l.Text)).FirstOrDefault(m => m.Success);
        if (masthead is null && footer is null && colophon is null)
        {
            return null;
        }

        var taken = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        string? number = null;
        var vergaderjaar = footer is null ? null : Years(footer);
        var lines = first.Lines;
        var index = masthead is null ? -1 : IndexOf(lines, masthead);
        if (index >= 0)
        {
            taken.Add(masthead!);
            // Above the masthead: the chamber's name, its numeral and "Vergaderjaar …"; the year is the Aanhangsel's.
            foreach (var line in lines.Take(index))
            {
                if (Vergaderjaar().Match(line.Text) is { Success: true } v)
                {
                    vergaderjaar ??= Years(v);
                    taken.Add(line);
                }
                else if (line.Text.EndsWith("Kamer der Staten-Generaal", StringComparison.Ordinal) || line.Text.All(char.IsAsciiDigit))
                {
                    taken.Add(line);
                }
            }

            // Below it: the bold banner, then the Aanhangsel's number on a line of its own.
            foreach (var line in lines.Skip(index + 1))
            {
                if (line.Text.All(char.IsAsciiDigit) && line.Text.Length > 0)
                {
                    number = line.Text;
                    taken.Add(line);
                    break;
                }

                if (!line.Bold)
                {
                    break;
                }

                taken.Add(line);
            }
        }

        var id = colophon is not null ? colophon.Value
            : vergaderjaar is not null && number is not null ? $"ah-tk-{vergaderjaar}-{number}"
            : null;
        return new AanhangselHeading(id, Title(first, taken, words), Received(pages, words), taken);
    }

    /// <summary>"Vergaderjaar 2023–2024" → "20232024", as the publication id writes it.</summary>
    private static string Years(Match m) =>
        KamerstukHeaderBlock.Year(m.Groups["y1"].Value, m.Groups["y2"].Value).Replace("-", "", StringComparison.Ordinal);

    private static int IndexOf(IReadOnlyList<TextLine> lines, TextLine line)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (ReferenceEquals(lines[i], line))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// "Vragen van het lid … over …", joined from its first line to the "(ingezonden …)" that closes it, without
    /// that date: the question's subject, which stands for the Aanhangsel's title.
    /// </summary>
    private static string? Title(PageLines page, HashSet<TextLine> taken, Vocabulary words)
    {
        var lines = page.Lines.Where(l => !taken.Contains(l)).ToList();
        var start = lines.FindIndex(l => QuestionsOpening().IsMatch(l.Text));
        if (start < 0)
        {
            return null;
        }

        var parts = new List<TextLine>();
        foreach (var line in lines.Skip(start).Take(12))
        {
            if (parts.Count > 0 && (AnswerOpening().IsMatch(line.Text) || line.Baseline < parts[^1].Baseline - (line.FontSize * 1.7)))
            {
                break;
            }

            parts.Add(line);
            if (line.Text.Contains(')', StringComparison.Ordinal) && Submitted().IsMatch(LineJoiner.Join(parts, words).Text))
            {
                break;
            }
        }

        var text = LineJoiner.Join(parts, words).Text;
        var cut = Submitted().Match(text);
        text = (cut.Success ? text[..cut.Index] : text).Trim().TrimEnd('.').Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>The first "(ontvangen 20 februari 2024)" in the document: the day the answer was received.</summary>
    private static DateOnly? Received(IReadOnlyList<PageLines> pages, Vocabulary words)
    {
        foreach (var page in pages.Take(3))
        {
            var text = LineJoiner.Join(page.Lines, words).Text;
            if (ReceivedDate().Match(text) is { Success: true } m)
            {
                return DutchDate.Parse(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^Tweede Kamer, vergaderjaar (?<y1>\d{4})\s*[–-]\s*(?<y2>\d{2,4}), Aanhangsel\b")]
    private static partial Regex Footer();

    [GeneratedRegex(@"^ah-tk-\d{8}-\d+$")]
    private static partial Regex Colophon();

    [GeneratedRegex(@"^Vergaderjaar (?<y1>\d{4})\s*[–-]\s*(?<y2>\d{2,4})")]
    private static partial Regex Vergaderjaar();

    [GeneratedRegex(@"^Vragen van (?:het|de) (?:lid|leden|Kamerlid|Kamerleden)\b")]
    private static partial Regex QuestionsOpening();

    [GeneratedRegex(@"^(?:Antwoord|Mededeling|Vraag)\b")]
    private static partial Regex AnswerOpening();

    [GeneratedRegex(@"\s*\((?:[Ii]ngezonden|[Ii]ngekomen)\s+\d{1,2}\s+[a-z]+\.?\s+\d{4}\)\.?")]
    private static partial Regex Submitted();

    // "(ontvangen (ontvangen 7 juni 2024)" is printed too.
    [GeneratedRegex(@"\([Oo]ntvangen\s+(?:\([Oo]ntvangen\s+)?(?<d>\d{1,2})\s+(?<m>[a-z]+\.?)\s+(?<y>\d{4})\)")]
    private static partial Regex ReceivedDate();
}
