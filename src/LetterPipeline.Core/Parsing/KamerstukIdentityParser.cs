using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing;

/// <summary>The letter's own Kamerstuk identity and the header-block lines on page 1 that carry it.</summary>
internal sealed record KamerstukHeader(LetterIdentity? Identity, IReadOnlySet<TextLine> HeaderLines);

/// <summary>
/// Reads the Kamerstuk print's header block ("Vergaderjaar 2022–2023", "21 501-02 …", "Nr. 2586 …",
/// "Den Haag, 18 november 2022") and its running footer ("Tweede Kamer, vergaderjaar 2022–2023, 21 501-02, nr. 2586").
/// </summary>
internal static partial class KamerstukIdentityParser
{
    public static KamerstukHeader Parse(IReadOnlyList<PageLines> pages)
    {
        var header = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        string? dossier = null, number = null, vergaderjaar = null;
        DateOnly? date = null;

        // Only a running footer counts: a footnote may cite another paper in the very same words.
        foreach (var line in pages.SelectMany(p => p.Lines.Where(l => l.Baseline < p.Height * 0.12 || l.Baseline > p.Height * 0.88)))
        {
            var footer = Footer().Match(line.Text);
            if (footer.Success)
            {
                vergaderjaar ??= Year(footer.Groups["y1"].Value, footer.Groups["y2"].Value);
                dossier ??= Dossier(footer.Groups["dossier"].Value);
                number ??= footer.Groups["nr"].Value;
                break;
            }
        }

        if (pages.Count > 0)
        {
            var page = pages[0];
            var start = page.Lines.ToList().FindIndex(l => l.Text.StartsWith("Tweede Kamer der Staten-Generaal", StringComparison.Ordinal)
                || l.Text.StartsWith("Eerste Kamer der Staten-Generaal", StringComparison.Ordinal));
            if (start >= 0)
            {
                // The block runs while its lines have the header's shapes; the letter's title ends it.
                for (var i = start; i < page.Lines.Count && i < start + 12; i++)
                {
                    var line = page.Lines[i];
                    if (i > start && !IsHeaderLine(line.Text))
                    {
                        break;
                    }

                    header.Add(line);
                    if (VergaderjaarLine().Match(line.Text) is { Success: true } v)
                    {
                        vergaderjaar ??= Year(v.Groups["y1"].Value, v.Groups["y2"].Value);
                    }
                    else if (NumberLine().Match(line.Text) is { Success: true } n)
                    {
                        number ??= n.Groups["nr"].Value;
                    }
                    else if (DossierLine().Match(line.Text) is { Success: true } d)
                    {
                        dossier ??= Dossier(d.Groups["dossier"].Value);
                    }
                    else if (PlaceDate().Match(line.Text) is { Success: true } pd)
                    {
                        date = DutchDate.Parse(pd.Groups["d"].Value, pd.Groups["m"].Value, pd.Groups["y"].Value);
                        break;
                    }
                }
            }
        }

        var identity = dossier is not null && number is not null ? new LetterIdentity(dossier, number, vergaderjaar, date) : null;
        return new KamerstukHeader(identity, header);
    }

    private static bool IsHeaderLine(string text) =>
        VergaderjaarLine().IsMatch(text) || NumberLine().IsMatch(text) || DossierLine().IsMatch(text) || PlaceDate().IsMatch(text)
        || text.StartsWith("Aan de Voorzitter", StringComparison.Ordinal) || text.All(char.IsAsciiDigit);

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

    private static string Year(string first, string second)
    {
        var y2 = second.Length == 2 ? first[..2] + second : second;
        return $"{first}-{y2}";
    }

    [GeneratedRegex(@"^Tweede Kamer, vergaderjaar (?<y1>\d{4})\s*[–-]\s*(?<y2>\d{2,4}), (?<dossier>\d{2}[\s.\u00a0]?\d{3}(?:[\s-][0-9A-Z]+)?), nr\. ?(?<nr>\d+)")]
    private static partial Regex Footer();

    [GeneratedRegex(@"^Vergaderjaar (?<y1>\d{4})\s*[–-]\s*(?<y2>\d{2,4})")]
    private static partial Regex VergaderjaarLine();

    [GeneratedRegex(@"^Nr\. ?(?<nr>\d+)\b")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^(?<dossier>\d{2}[\s\u00a0]?\d{3}(?:-[0-9A-Z]+| [IVXL]+\b)?)(?:\s|$)")]
    private static partial Regex DossierLine();

    [GeneratedRegex(@"^[A-Z’'][\p{L}’' -]+, (?<d>\d{1,2}) (?<m>[a-z]+\.?) (?<y>\d{4})$")]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"^(?<base>\d{2}[ .]?\d{3})(?:[ -](?<suffix>[0-9A-Z]+))?$")]
    private static partial Regex DossierParts();

    [GeneratedRegex(@"[\s\u00a0]+")]
    private static partial Regex Spaces();
}
