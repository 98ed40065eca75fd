using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace LetterPipeline.Tracking;

/// <summary>
/// An inline SVG line chart: citations per month of the citing letter, one series per dossier. A month in which the
/// store holds no dated letter at all is a gap, not a zero: the line breaks there instead of dropping to 0, because
/// nothing is known about it. A month with letters that do not cite the dossier is a true zero.
/// </summary>
internal static class TimelineChart
{
    // Colour-blind safe (Okabe–Ito, with Tol's wine for the yellow that is unreadable on white), in legend order.
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#882255", "#000000"];

    private const int Width = 900;
    private const int Height = 320;
    private const int Left = 56;
    private const int Right = 40;
    private const int Top = 16;
    private const int Bottom = 56;

    /// <summary>The chart for <paramref name="dossiers"/>, or null when no dated letter cites them; <paramref name="observed"/>: the months any stored letter is dated in.</summary>
    public static string? Render(IReadOnlyList<string> dossiers, IReadOnlyList<MonthCount> months, IReadOnlySet<string> observed)
    {
        var dated = months.Where(m => m.Month is not null && dossiers.Contains(m.Dossier)).ToList();
        if (dated.Count == 0)
        {
            return null;
        }

        var axis = MonthRange(dated.Min(m => m.Month!)!, dated.Max(m => m.Month!)!);
        var max = Math.Max(1, dated.Max(m => m.Citations));
        var step = NiceStep(max);
        var yMax = (int)Math.Ceiling(max / (double)step) * step;
        double X(int i) => axis.Count == 1 ? Left + ((Width - Left - Right) / 2.0) : Left + (i * (Width - Left - Right) / (double)(axis.Count - 1));
        double Y(int v) => Top + ((Height - Top - Bottom) * (1 - (v / (double)yMax)));

        var svg = new StringBuilder();
        svg.Append(Fmt($"<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height + (22 * ((dossiers.Count + 3) / 4))}\" role=\"img\" aria-labelledby=\"timeline-title\">"));
        svg.Append("<title id=\"timeline-title\">Citations per month of the citing letter, for the most-cited dossiers</title>");
        for (var v = 0; v <= yMax; v += step)
        {
            svg.Append(Fmt($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\"/>"));
            svg.Append(Fmt($"<text class=\"tick\" x=\"{Left - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{v}</text>"));
        }

        // At most ~14 month labels, so they never overlap.
        var every = Math.Max(1, (int)Math.Ceiling(axis.Count / 14.0));
        for (var i = 0; i < axis.Count; i += every)
        {
            svg.Append(Fmt($"<text class=\"tick\" x=\"{X(i):0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{axis[i]}</text>"));
        }

        for (var d = 0; d < dossiers.Count; d++)
        {
            var counts = dated.Where(m => m.Dossier == dossiers[d]).ToDictionary(m => m.Month!, m => m.Citations);
            var colour = Palette[d % Palette.Length];
            svg.Append(Fmt($"<g class=\"series\" data-dossier=\"{HtmlEncode(dossiers[d])}\">"));
            foreach (var run in Runs(axis, observed))
            {
                var points = string.Join(' ', run.Select(i => Fmt($"{X(i):0.#},{Y(counts.GetValueOrDefault(axis[i])):0.#}")));
                svg.Append(Fmt($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" stroke-opacity=\"0.85\" points=\"{points}\"/>"));
            }

            svg.Append("</g>");
            foreach (var (month, count) in counts)
            {
                var i = axis.IndexOf(month);
                svg.Append(Fmt($"<circle class=\"point\" cx=\"{X(i):0.#}\" cy=\"{Y(count):0.#}\" r=\"4\" fill=\"{colour}\"><title>{HtmlEncode(dossiers[d])}, {month}: {count} citations</title></circle>"));
            }

            var lx = Left + (d % 4 * 210);
            var ly = Height - 14 + (d / 4 * 22);
            svg.Append(Fmt($"<rect x=\"{lx}\" y=\"{ly - 10}\" width=\"14\" height=\"14\" fill=\"{colour}\"/>"));
            svg.Append(Fmt($"<text class=\"legend\" x=\"{lx + 20}\" y=\"{ly + 2}\">Dossier {HtmlEncode(dossiers[d])}</text>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The runs of consecutive observed months, as indexes into <paramref name="axis"/>.</summary>
    internal static List<List<int>> Runs(IReadOnlyList<string> axis, IReadOnlySet<string> observed)
    {
        var runs = new List<List<int>>();
        for (var i = 0; i < axis.Count; i++)
        {
            if (!observed.Contains(axis[i]))
            {
                continue;
            }

            if (i == 0 || !observed.Contains(axis[i - 1]))
            {
                runs.Add([]);
            }

            runs[^1].Add(i);
        }

        return runs;
    }

    /// <summary>Every month from <paramref name="first"/> to <paramref name="last"/> ("yyyy-MM"): the axis; months without letters are gaps (see <see cref="Runs"/>).</summary>
    internal static List<string> MonthRange(string first, string last)
    {
        var start = DateOnly.ParseExact(first + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DateOnly.ParseExact(last + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var months = new List<string>();
        for (var m = start; m <= end; m = m.AddMonths(1))
        {
            months.Add(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        return months;
    }

    private static int NiceStep(int max) => max switch
    {
        <= 5 => 1,
        <= 10 => 2,
        <= 25 => 5,
        <= 50 => 10,
        _ => (int)Math.Pow(10, Math.Floor(Math.Log10(max))) / (max / Math.Pow(10, Math.Floor(Math.Log10(max))) < 5 ? 2 : 1),
    };

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
