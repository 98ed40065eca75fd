using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Finds running headers and footers, page numbers and the Kamerstuk colophon: text in the top or bottom band
/// of a page that repeats across pages (digits ignored) or has the shape of a page number or colophon.
/// </summary>
internal static partial class RunningFurnitureDetector
{
    /// <param name="pages">The document's lines.</param>
    /// <param name="style">The body's typography; measured from <paramref name="pages"/> when not given.</param>
    /// <param name="options">Where running text lives and how often it repeats; the defaults when not given.</param>
    public static HashSet<TextLine> Detect(IReadOnlyList<PageLines> pages, BodyStyle? style = null, FurnitureOptions? options = null)
    {
        style ??= BodyStyle.Measure(pages);
        options ??= FurnitureOptions.Default;
        var furniture = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        // A label opening a paragraph at the top of two pages ("Reactie:") repeats there without being a running header.
        var bandLines = pages.SelectMany(p => p.Lines.Where(l => InBand(l, p, options) && !RunInLabel.IsLabel(l.Text))).ToList();
        var minPages = options.MinRepeatPages(pages.Count);
        // Exact repeats first ("… 29-30 november 2022" on every page), then repeats once each page's own number is blanked;
        // a header repeats at the top, a footer at the bottom, a heading may close one page and open another.
        var heights = pages.GroupBy(p => p.Number).ToDictionary(g => g.Key, g => g.First().Height);
        string Edge(TextLine l) => l.Baseline > heights.GetValueOrDefault(l.Page) / 2 ? "top|" : "bottom|";
        furniture.UnionWith(Repeated(bandLines, l => Edge(l) + l.Text, minPages, style));
        furniture.UnionWith(Repeated(bandLines.Where(l => !furniture.Contains(l)), l => Edge(l) + Shape(l.Text, l.Page), minPages, style));

        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                // Position matters: a footnote may cite "Tweede Kamer, vergaderjaar …, nr. 424" as a reference.
                if (InBand(line, page, options) && (IsColophon(line.Text) || IsPageNumber(line.Text)))
                {
                    furniture.Add(line);
                }
            }
        }

        return furniture;
    }

    /// <summary>
    /// Lines whose key repeats on two pages or more. Running text in the body's own type must repeat on a good share of
    /// the pages (<paramref name="minPages"/>): a heading or a question number that happens to open or close two pages of
    /// a long document is body text. Smaller type than the body's is running text on any two pages.
    /// </summary>
    private static IEnumerable<TextLine> Repeated(IEnumerable<TextLine> lines, Func<TextLine, string> key, int minPages, BodyStyle style) =>
        lines.GroupBy(key).Where(g =>
        {
            var pages = g.Select(l => l.Page).Distinct().Count();
            return pages >= 2 && (pages >= minPages || g.All(style.IsSmallerThanBody));
        }).SelectMany(g => g);

    /// <summary>What a line <see cref="Detect"/> found is: a page number, the colophon, or a running header or footer by the band it is in.</summary>
    public static string KindOf(TextLine line, PageLines page) =>
        IsPageNumber(line.Text) ? FurnitureKinds.PageNumber
        : IsColophon(line.Text) ? FurnitureKinds.Colophon
        : line.Baseline > page.Height / 2 ? FurnitureKinds.RunningHeader
        : FurnitureKinds.RunningFooter;

    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text);

    public static bool IsColophon(string text) => Colophon().IsMatch(text);

    private static bool InBand(TextLine line, PageLines page, FurnitureOptions options) =>
        line.Baseline > page.Height * (1 - options.Band) || line.Baseline < page.Height * options.Band;

    /// <summary>
    /// The text with this page's number blanked out, so "Pagina 2 van 4" and a footer ending in its page number
    /// repeat; other digits must match, so footnotes that happen to sit low on two pages do not.
    /// </summary>
    private static string Shape(string text, int page)
    {
        var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Digits().Replace(text, m => m.Value == number || (m.Index + m.Length == text.Length && m.Value.EndsWith(number, StringComparison.Ordinal))
            ? (m.Value == number ? "#" : m.Value[..^number.Length] + "#")
            : m.Value).Trim();
    }

    [GeneratedRegex(@"^(?:(?:Pagina|Blz\.?|Page)\s+\d+(?:\s+(?:van|of|/)\s+\d+)?|[-–]?\s*\d{1,4}\s*[-–]?|\d+\s*/\s*\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?:(?:kst|ah-tk|h-tk|blg|stcrt|stb|trb)-\d|ISSN\s|’s-Gravenhage|'s-Gravenhage|(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}[–-]\d{2,4}\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Colophon();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
