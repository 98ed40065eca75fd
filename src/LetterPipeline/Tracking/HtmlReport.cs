using System.Globalization;
using System.Text;
using LetterPipeline.Core.Model;
using static System.Net.WebUtility;

namespace LetterPipeline.Tracking;

/// <summary>
/// Renders the reference report: one self-contained HTML page (inline CSS and SVG, no script, no network). Letter
/// text is untrusted input: every string from a PDF goes through <see cref="Text"/>, links are built from the
/// official base address and an escaped id, and the page's Content-Security-Policy forbids scripts outright.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1b1b}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #154273;padding-bottom:.2rem;color:#154273}
        h3{margin:1.6rem 0 .4rem}.meta{color:#555}.summary{display:flex;gap:1.5rem;flex-wrap:wrap;margin:1rem 0}
        .summary div{background:#eef3f8;border-radius:6px;padding:.5rem 1rem}.summary b{display:block;font-size:1.4rem;color:#154273}
        table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #dde3ea;vertical-align:top}
        th{background:#f4f6f9}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}a{color:#0b5cad}
        svg{width:100%;height:auto;background:#fff}.grid{stroke:#e3e7ec}.tick{font-size:11px;fill:#555}.legend{font-size:13px;fill:#222}
        .note{color:#555;font-size:.9rem}table.dossier td:nth-child(-n+2),#letters td:nth-child(-n+2){white-space:nowrap}
        """;

    public static string Render(ReportData data, int chartDossiers)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>LetterPipeline — reference report</title>
            """);
        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Reference report</h1>\n");
        html.Append(Fmt($"<p class=\"meta\">Generated {Text(data.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))} by letterpipe from the reference store.</p>\n"));
        var citations = data.Letters.Sum(l => l.References);
        html.Append("<div class=\"summary\">");
        html.Append(Fmt($"<div><b id=\"letter-count\">{data.Letters.Count}</b>letters</div><div><b>{citations}</b>citations</div>"));
        html.Append(Fmt($"<div><b>{data.CitingLetters.Count}</b>documents cited</div><div><b>{data.Dossiers.Count}</b>dossiers</div>"));
        html.Append("</div>\n");

        AppendTimeline(html, data, chartDossiers);
        AppendDossiers(html, data);
        AppendLetters(html, data);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>HTML-escapes text (also for attribute values): &amp; &lt; &gt; &quot; and &#39;.</summary>
    internal static string Text(string? text) => HtmlEncode(text ?? "");

    /// <summary>The official publication of <paramref name="id"/>; the id is escaped, so the link cannot leave the official site.</summary>
    internal static string PublicationUrl(string id) => Reference.OfficialBaseUrl + Uri.EscapeDataString(id);

    private static void AppendTimeline(StringBuilder html, ReportData data, int chartDossiers)
    {
        html.Append("<h2 id=\"timeline-heading\">Citations per month</h2>\n");
        var top = data.Dossiers.Take(chartDossiers).Select(d => d.Dossier).ToList();
        var chart = TimelineChart.Render(top, data.Months);
        if (chart is null)
        {
            html.Append("<p class=\"note\">No dated letter cites a dossier yet.</p>\n");
            return;
        }

        html.Append(Fmt($"<p class=\"note\">The {top.Count} most-cited dossiers, by the month of the citing letter's date.</p>\n"));
        html.Append(chart).Append('\n');
        var undated = data.Months.Where(m => m.Month is null && top.Contains(m.Dossier)).Sum(m => m.Citations);
        if (undated > 0)
        {
            html.Append(Fmt($"<p class=\"note\">Not in the chart: {undated} citations of these dossiers by letters that print no date.</p>\n"));
        }
    }

    private static void AppendDossiers(StringBuilder html, ReportData data)
    {
        html.Append("<h2 id=\"dossiers-heading\">Most-cited dossiers</h2>\n");
        if (data.Dossiers.Count > data.DocumentsByDossier.Count)
        {
            html.Append(Fmt($"<p class=\"note\">Tables for the {data.DocumentsByDossier.Count} most-cited of {data.Dossiers.Count} dossiers; <code>letterpipe refs dossier &lt;dossier&gt;</code> shows any other.</p>\n"));
        }

        foreach (var (dossier, documents) in data.DocumentsByDossier)
        {
            var count = data.Dossiers.First(d => d.Dossier == dossier);
            html.Append(Fmt($"<h3>Dossier {Text(dossier)} <span class=\"note\">— {count.Citations} citations in {count.Letters} letters</span></h3>\n"));
            AppendDocuments(html, data, documents, Text("dossier-" + dossier));
        }

        if (data.WithoutDossier.Count > 0)
        {
            html.Append("<h3>Handelingen, Aanhangsel Handelingen and official gazettes</h3>\n");
            AppendDocuments(html, data, data.WithoutDossier, "handelingen");
        }
    }

    private static void AppendDocuments(StringBuilder html, ReportData data, IReadOnlyList<DocumentCount> documents, string id)
    {
        html.Append(Fmt($"<table class=\"dossier\" id=\"{id}\">\n<thead><tr><th>Document</th><th>Date</th><th class=\"n\">Letters</th><th class=\"n\">Citations</th><th>Cited by</th></tr></thead>\n<tbody>\n"));
        foreach (var d in documents)
        {
            var citing = data.CitingLetters.GetValueOrDefault(d.Id) ?? [];
            var by = string.Join(", ", citing.Select(l => Text(l.Name) + (l.Date is { } date ? Fmt($" ({date:yyyy-MM-dd})") : "")));
            html.Append(Fmt($"<tr><td><a href=\"{Text(PublicationUrl(d.Id))}\">{Text(d.Id)}</a></td><td>{Text(Iso(d.Date))}</td><td class=\"n\">{d.Letters}</td><td class=\"n\">{d.Citations}</td><td>{by}</td></tr>\n"));
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendLetters(StringBuilder html, ReportData data)
    {
        html.Append("<h2 id=\"letters-heading\">Letters processed</h2>\n");
        html.Append("<table id=\"letters\">\n<thead><tr><th>Date</th><th>Kind</th><th>Publication</th><th>Title</th><th>File</th><th class=\"n\">Pages</th><th class=\"n\">References</th><th>Converted</th></tr></thead>\n<tbody>\n");
        foreach (var l in data.Letters)
        {
            var own = (l.PublicationId ?? l.KamerstukId) is { } id ? Fmt($"<a href=\"{Text(PublicationUrl(id))}\">{Text(id)}</a>") : "";
            html.Append(Fmt($"<tr><td>{Text(Iso(l.Date))}</td><td>{Text(l.Kind)}</td><td>{own}</td><td>{Text(l.Title)}</td><td>{Text(l.File)}</td><td class=\"n\">{l.Pages}</td><td class=\"n\">{l.References}</td><td>{Text(l.ConvertedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}</td></tr>\n"));
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
