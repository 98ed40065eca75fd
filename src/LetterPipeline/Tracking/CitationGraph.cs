using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace LetterPipeline.Tracking;

/// <summary>
/// A small inline SVG of who cites what: the citing letters in a column on the left, the cited documents on the right,
/// a line for each letter citing a document (once per letter, however many versions carry the citation).
/// </summary>
internal static class CitationGraph
{
    private const int Width = 900;
    private const int Row = 22;
    private const int LetterX = 250;
    private const int DocumentX = 650;
    private const int LabelLength = 38;

    /// <summary>The graph of <paramref name="documents"/> and the letters citing them, or null when there are none.</summary>
    public static string? Render(IReadOnlyList<string> documents, IReadOnlyDictionary<string, IReadOnlyList<LetterVersions>> citing, IReadOnlyList<LetterVersions> letters)
    {
        var edges = documents.SelectMany(d => (citing.GetValueOrDefault(d) ?? []).Select(l => (Letter: l.Group, Document: d))).Distinct().ToList();
        if (edges.Count == 0)
        {
            return null;
        }

        var left = letters.Where(l => edges.Any(e => e.Letter == l.Group)).ToList();
        var height = (Math.Max(left.Count, documents.Count) * Row) + 20;
        double Y(int i, int count) => 10 + ((height - 20) * (i + 0.5) / count);

        var svg = new StringBuilder();
        svg.Append(Fmt($"<svg id=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"graph-title\">"));
        svg.Append("<title id=\"graph-title\">Citing letters and the most-cited documents</title>");
        foreach (var (letter, document) in edges)
        {
            var (a, b) = (left.FindIndex(l => l.Group == letter), documents.ToList().IndexOf(document));
            svg.Append(Fmt($"<line class=\"edge\" data-letter=\"{HtmlEncode(letter)}\" data-document=\"{HtmlEncode(document)}\" x1=\"{LetterX + 6}\" y1=\"{Y(a, left.Count):0.#}\" x2=\"{DocumentX - 6}\" y2=\"{Y(b, documents.Count):0.#}\"/>"));
        }

        for (var i = 0; i < left.Count; i++)
        {
            var label = left[i].Title ?? left[i].Name;
            svg.Append(Fmt($"<circle class=\"letter\" cx=\"{LetterX}\" cy=\"{Y(i, left.Count):0.#}\" r=\"5\" fill=\"#154273\"><title>{HtmlEncode(label)}</title></circle>"));
            svg.Append(Fmt($"<text x=\"{LetterX - 10}\" y=\"{Y(i, left.Count) + 4:0.#}\" text-anchor=\"end\">{HtmlEncode(Short(label))}</text>"));
        }

        for (var i = 0; i < documents.Count; i++)
        {
            svg.Append(Fmt($"<circle class=\"document\" cx=\"{DocumentX}\" cy=\"{Y(i, documents.Count):0.#}\" r=\"5\" fill=\"#E69F00\"/>"));
            svg.Append(Fmt($"<text x=\"{DocumentX + 10}\" y=\"{Y(i, documents.Count) + 4:0.#}\">{HtmlEncode(documents[i])}</text>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Short(string text) => text.Length <= LabelLength ? text : text[..(LabelLength - 1)] + "…";

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
