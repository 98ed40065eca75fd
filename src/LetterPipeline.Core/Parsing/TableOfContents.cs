using System.Globalization;
using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Finds a table of contents among the body lines: entries that end in a page number, after dot leaders
/// ("Inleiding ........ 6"), after the title ("1. Inleiding 3"), or set apart at the right margin on the same baseline.
/// A leader line is an entry on its own; entries without leaders count only in a run of three or more whose page
/// numbers do not decrease and stay within the document, so a list that happens to end in numbers is kept. The lines
/// of an entry between two entries (a label set apart, a wrapped title) and a heading "Inhoudsopgave" just above the
/// run belong to it. A table of contents is neither a heading nor a paragraph: it repeats the headings.
/// </summary>
internal static partial class TableOfContents
{
    private const int MinRun = 3;

    /// <summary>The lines of <paramref name="lines"/> (body lines in reading order) that form a table of contents.</summary>
    public static IReadOnlySet<TextLine> Find(IReadOnlyList<TextLine> lines, int pageCount)
    {
        var contents = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        var entries = Entries(lines, pageCount);
        var run = new List<int>();
        for (var i = 0; i <= entries.Count; i++)
        {
            var continues = i < entries.Count && run.Count > 0
                && lines[entries[i].Index].Page == lines[entries[run[^1]].Index].Page
                && entries[i].Index - entries[run[^1]].Index <= 3
                && entries[i].PageNumber >= entries[run[^1]].PageNumber;
            if (i < entries.Count && (run.Count == 0 || continues))
            {
                run.Add(i);
                continue;
            }

            Take(run, entries, lines, contents);
            run.Clear();
            if (i < entries.Count)
            {
                run.Add(i);
            }
        }

        return contents;
    }

    private static void Take(List<int> run, List<(int Index, int PageNumber, bool Leaders)> entries, IReadOnlyList<TextLine> lines, HashSet<TextLine> contents)
    {
        if (run.Count == 0 || (run.Count < MinRun && !run.All(r => entries[r].Leaders)))
        {
            return;
        }

        // Contents point ahead: entries without leaders that all give the page they stand on, or an earlier one, are a numbered list.
        if (!run.Any(r => entries[r].Leaders) && run.Max(r => entries[r].PageNumber) <= lines[entries[run[0]].Index].Page)
        {
            return;
        }

        var first = entries[run[0]].Index;
        var last = entries[run[^1]].Index;
        for (var i = first; i <= last; i++)
        {
            contents.Add(lines[i]);
        }

        // A number set apart at the right margin sits on its entry's baseline, after it in reading order.
        if (last + 1 < lines.Count && IsSetApartNumber(lines, last + 1))
        {
            contents.Add(lines[last + 1]);
        }

        if (first > 0 && Title().IsMatch(lines[first - 1].Text))
        {
            contents.Add(lines[first - 1]);
        }
    }

    /// <summary>Each line that ends an entry: its index, the page number it gives, and whether dot leaders precede it.</summary>
    private static List<(int Index, int PageNumber, bool Leaders)> Entries(IReadOnlyList<TextLine> lines, int pageCount)
    {
        var entries = new List<(int, int, bool)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            // Only a line ending in a digit can hold its own page number; the regular expressions are not tried on the rest.
            var endsInNumber = text.Length > 0 && char.IsAsciiDigit(text[^1]);
            if (endsInNumber && Leaders().Match(text) is { Success: true } leader)
            {
                entries.Add((i, Number(leader.Groups["p"].Value), true));
            }
            else if (i + 1 < lines.Count && IsSetApartNumber(lines, i + 1) && Plausible(Number(lines[i + 1].Text), pageCount))
            {
                entries.Add((i, Number(lines[i + 1].Text), false));
            }
            else if (endsInNumber && TrailingNumber().Match(text) is { Success: true } trailing && !NotAPage().IsMatch(trailing.Groups["word"].Value)
                && Plausible(Number(trailing.Groups["p"].Value), pageCount))
            {
                entries.Add((i, Number(trailing.Groups["p"].Value), false));
            }
        }

        return entries;
    }

    /// <summary>A line of digits alone on the baseline of the line before it, well to its right: a page number in a right-aligned column.</summary>
    private static bool IsSetApartNumber(IReadOnlyList<TextLine> lines, int i)
    {
        var (entry, number) = (lines[i - 1], lines[i]);
        return number.Page == entry.Page && Math.Abs(number.Baseline - entry.Baseline) < 1 && number.Left > entry.Right + 20
            && number.Text.Length is > 0 and <= 3 && number.Text.All(char.IsAsciiDigit);
    }

    /// <summary>
    /// A page of this document, allowing for a cover or two left unnumbered; a one-page document has no contents
    /// without leaders, and no page is numbered 0.
    /// </summary>
    private static bool Plausible(int page, int pageCount) => pageCount > 1 && page >= 1 && page <= pageCount + 2;

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?:[.…](?:\s?[.…]){2,}|…+|_{3,})\s*(?<p>\d{1,4})$")]
    private static partial Regex Leaders();

    [GeneratedRegex(@"^(?:\S.*\s)?(?<word>\p{L}+[.)]?)\s+(?<p>\d{1,3})$")]
    private static partial Regex TrailingNumber();

    // Words a number belongs to in running text or headings: "Artikel 3", "nr. 12", "Vraag 4", "Sessie 2".
    [GeneratedRegex(@"^(?:nr|nrs|no|artikel|artikelen|art|lid|bijlage|vraag|vragen|antwoord|hoofdstuk|paragraaf|afdeling|titel|deel|boek|sessie|fase|stap|punt|agendapunt|week|dag|jaar|pagina|blz|p|pp|resolutie|resolution|motie|amendement|zaak|fiche|nummer|versie|groep|cluster|scenario|optie|variant|categorie|klasse|niveau|ronde|tranche|bijlagen)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPage();

    [GeneratedRegex(@"^(?:Inhoudsopgave|Inhoud|Inhoudstafel|Table of contents|Contents)$", RegexOptions.IgnoreCase)]
    private static partial Regex Title();
}
