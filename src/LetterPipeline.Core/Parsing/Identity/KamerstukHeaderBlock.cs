using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing.Identity;

/// <summary>What the header block of a Kamerstuk print says; each part null when not printed.</summary>
/// <param name="Dossier">The dossier number as printed ("36 450", "21 501-02").</param>
/// <param name="Number">The document number of the "Nr. N" row.</param>
/// <param name="Vergaderjaar">The "Vergaderjaar" row.</param>
/// <param name="Lines">Every line of the header block.</param>
/// <param name="DossierTitle">The title beside the (first) dossier number, joined over its lines.</param>
/// <param name="DocumentKind">The line(s) after "Nr. N": "BRIEF VAN DE MINISTER VAN …", "NOTA NAAR AANLEIDING VAN HET VERSLAG".</param>
/// <param name="Date">"Den Haag, 24 februari 2023", "Ontvangen …", "Vastgesteld …", "Voorgesteld …".</param>
internal sealed record KamerstukHeading(
    string? Dossier,
    string? DossierTitle,
    string? Number,
    string? DocumentKind,
    string? Vergaderjaar,
    DateOnly? Date,
    IReadOnlySet<TextLine> Lines);

/// <summary>
/// Reads the header block of page 1 of a Kamerstuk print as a grammar of rows, top to bottom:
/// <code>
/// masthead    "Tweede Kamer der Staten-Generaal" (and the chamber numeral beside it)
/// year        "Vergaderjaar 2023–2024"
/// dossier+    DOSSIER TITLE        the title on the number's line or beside it, running on over lines in its typeface
/// number      "Nr." N KIND         the kind likewise ("BRIEF VAN DE MINISTER VAN …" over one or two lines)
/// addressee?  "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
/// date?       "Den Haag, 24 februari 2023" | "Ontvangen …" | "Vastgesteld …" | "Voorgesteld …"
/// </code>
/// In the print the numbers stand in a left column and the titles beside them; in letters of our own making both are
/// on one line. The block ends at the first line that fits no row: the letter's title or its first paragraph.
/// </summary>
internal static partial class KamerstukHeaderBlock
{
    /// <summary>The header block of <paramref name="page"/>, or null when it has no Kamerstuk masthead.</summary>
    public static KamerstukHeading? Read(PageLines page, Vocabulary words)
    {
        var lines = page.Lines;
        var start = Start(lines);
        if (start < 0)
        {
            return null;
        }

        var taken = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        string? dossier = null, dossierTitle = null, number = null, kind = null, vergaderjaar = null;
        DateOnly? date = null;
        if (Masthead().IsMatch(lines[start].Text))
        {
            taken.Add(lines[start++]);
        }

        for (var i = start; i < lines.Count && i < start + 40; i++)
        {
            var line = lines[i];
            if (taken.Contains(line))
            {
                continue;
            }

            var text = line.Text;
            if (VergaderjaarLine().Match(text) is { Success: true } v)
            {
                vergaderjaar ??= Year(v.Groups["y1"].Value, v.Groups["y2"].Value);
            }
            else if (NumberLine().Match(text) is { Success: true } n)
            {
                number ??= n.Groups["nr"].Value;
                var printed = TitleBeside(line, text[n.Length..], i, lines, taken, words);
                kind ??= printed;
            }
            else if (number is null && DossierLine().Match(text) is { Success: true } d)
            {
                var title = TitleBeside(line, text[d.Length..], i, lines, taken, words);
                if (dossier is null)
                {
                    dossier = d.Groups["dossier"].Value;
                    dossierTitle = title;
                }
            }
            else if (DateLine().Match(text) is { Success: true } pd)
            {
                date = DutchDate.Parse(pd.Groups["d"].Value, pd.Groups["m"].Value, pd.Groups["y"].Value);
                taken.Add(line);
                break;
            }
            else if (!text.StartsWith("Aan de Voorzitter", StringComparison.Ordinal) && !text.All(char.IsAsciiDigit)
                && !(number is not null && DateRowFollows(lines, i)))
            {
                break;
            }

            taken.Add(line);
        }

        return new KamerstukHeading(dossier, dossierTitle, number, kind, vergaderjaar, date, taken);
    }

    /// <summary>
    /// Where the block begins: at the masthead, or (a print without it, as the Kamer's notifications have) at a
    /// dossier row among page 1's first lines with a "Nr." row a few lines below it; -1 when there is none.
    /// </summary>
    private static int Start(IReadOnlyList<TextLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (Masthead().IsMatch(lines[i].Text))
            {
                return i;
            }
        }

        for (var i = 0; i < lines.Count && i < 3; i++)
        {
            if (DossierLine().IsMatch(lines[i].Text) && lines.Skip(i + 1).Take(6).Any(l => NumberLine().IsMatch(l.Text)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when a date row comes within the next two lines, a line's height apart: what stands between the number
    /// row and it ("Staten-Generaal" of a wrapped addressee, "Herdruk") still belongs to the header.
    /// </summary>
    private static bool DateRowFollows(IReadOnlyList<TextLine> lines, int index)
    {
        for (var j = index + 1; j < lines.Count && j <= index + 2; j++)
        {
            if (lines[j - 1].Baseline - lines[j].Baseline > lines[j].FontSize * 2.5)
            {
                return false;
            }

            if (DateLine().IsMatch(lines[j].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"21 501-02" → "21501-02"; "36 200 VIII" → "36200-VIII".</summary>
    public static string Dossier(string printed)
    {
        var compact = Spaces().Replace(printed.Trim(), " ");
        var m = DossierParts().Match(compact);
        return m.Success
            ? m.Groups["base"].Value.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal)
              + (m.Groups["suffix"].Success ? "-" + m.Groups["suffix"].Value : "")
            : compact.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>"2022" and "23" → "2022-2023".</summary>
    public static string Year(string first, string second)
    {
        var y2 = second.Length == 2 ? first[..2] + second : second;
        return $"{first}-{y2}";
    }

    /// <summary>
    /// The title of a dossier or number row: the rest of the row's own line, else the line beside it on its baseline,
    /// then every following line in the same typeface, at or right of the title's left edge, a line's height below
    /// the last. The lines it takes are added to <paramref name="taken"/>.
    /// </summary>
    private static string? TitleBeside(TextLine row, string rest, int index, IReadOnlyList<TextLine> lines, HashSet<TextLine> taken, Vocabulary words)
    {
        var parts = new List<TextLine>();
        TextLine first;
        if (rest.Trim().Length > 0)
        {
            first = row;
            parts.Add(row with { Text = rest.Trim() });
        }
        else if (lines.Skip(index + 1).FirstOrDefault(l => Math.Abs(l.Baseline - row.Baseline) < 1.5 && l.Left > row.Right) is { } beside)
        {
            first = beside;
            parts.Add(beside);
            taken.Add(beside);
        }
        else
        {
            return null;
        }

        var previous = first;
        foreach (var line in lines.Skip(index + 1).Where(l => l.Baseline < first.Baseline - 1.5))
        {
            var sameFace = line.Bold == first.Bold && line.Italic == first.Italic && Math.Abs(line.FontSize - first.FontSize) < 0.3;
            if (!sameFace || previous.Baseline - line.Baseline > first.FontSize * 1.7 || line.Left < row.Left - 3
                || NumberLine().IsMatch(line.Text) || DossierLine().IsMatch(line.Text) || DateLine().IsMatch(line.Text))
            {
                break;
            }

            parts.Add(line);
            taken.Add(line);
            previous = line;
        }

        var text = LineJoiner.Join(parts, words).Text.Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"^(?:Tweede|Eerste) Kamer der Staten-Generaal")]
    private static partial Regex Masthead();

    [GeneratedRegex(@"^Vergaderjaar (?<y1>\d{4})\s*[–-]\s*(?<y2>\d{2,4})")]
    private static partial Regex VergaderjaarLine();

    [GeneratedRegex(@"^Nr\. ?(?<nr>\d+)\b")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^(?<dossier>\d{2}[\s\u00a0]?\d{3}(?:-[0-9A-Z]+| [IVXL]+\b)?)(?=\s|$)")]
    private static partial Regex DossierLine();

    [GeneratedRegex(@"^(?:[A-Z’'][\p{L}’' -]+,|Ontvangen|Vastgesteld|Voorgesteld) (?<d>\d{1,2}) (?<m>[a-z]+\.?) (?<y>\d{4})$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(?<base>\d{2}[ .]?\d{3})(?:[ -](?<suffix>[0-9A-Z]+))?$")]
    private static partial Regex DossierParts();

    [GeneratedRegex(@"[\s\u00a0]+")]
    private static partial Regex Spaces();
}
