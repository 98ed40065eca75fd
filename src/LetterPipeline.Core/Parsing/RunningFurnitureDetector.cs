using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Finds running headers and footers, page numbers and the Kamerstuk colophon: text in the top or bottom band
/// of a page that repeats across pages (digits ignored) or has the shape of a page number or colophon.
/// </summary>
public static partial class RunningFurnitureDetector
{
    /// <summary>The top and bottom share of the page where running text lives.</summary>
    private const double Band = 0.12;

    public static HashSet<TextLine> Detect(IReadOnlyList<PageLines> pages)
    {
        var furniture = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        var bandLines = pages.SelectMany(p => p.Lines.Where(l => InBand(l, p))).ToList();
        var repeats = bandLines.GroupBy(l => Shape(l.Text)).Where(g => g.Select(l => l.Page).Distinct().Count() >= 2)
            .SelectMany(g => g);
        foreach (var line in repeats)
        {
            furniture.Add(line);
        }

        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                if (IsColophon(line.Text) || (InBand(line, page) && IsPageNumber(line.Text)))
                {
                    furniture.Add(line);
                }
            }
        }

        return furniture;
    }

    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text);

    public static bool IsColophon(string text) => Colophon().IsMatch(text);

    private static bool InBand(TextLine line, PageLines page) =>
        line.Baseline > page.Height * (1 - Band) || line.Baseline < page.Height * Band;

    private static string Shape(string text) => Digits().Replace(text, "#").Trim();

    [GeneratedRegex(@"^(?:(?:Pagina|Blz\.?|Page)\s+\d+(?:\s+(?:van|of|/)\s+\d+)?|[-–]?\s*\d{1,4}\s*[-–]?|\d+\s*/\s*\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?:kst-\d|ISSN\s|’s-Gravenhage|'s-Gravenhage|Tweede Kamer, vergaderjaar \d{4}[–-]\d{4}, .*nr\. ?\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex Colophon();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
