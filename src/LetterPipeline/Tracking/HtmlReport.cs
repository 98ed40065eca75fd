using System.Globalization;
using System.Text;
using LetterPipeline.Core.Model;
using static System.Net.WebUtility;

namespace LetterPipeline.Tracking;

/// <summary>
/// Renders the reference report: one self-contained HTML page (inline CSS, SVG and one small script that sorts and
/// filters the letters table; nothing from the network). Letter text is untrusted input: every string from a PDF goes
/// through <see cref="Text"/>, links are built from the official base address and an escaped id, and the page's
/// Content-Security-Policy allows only the one script whose SHA-256 it names, so injected markup could run nothing.
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
        th[data-sort]{cursor:pointer}th[data-dir=asc]::after{content:" ▲"}th[data-dir=desc]::after{content:" ▼"}.flag{background:#fdecea;border-radius:4px;padding:0 .3rem;margin-right:.2rem;font-size:.85rem}
        .filters{display:flex;gap:1rem;align-items:center;margin:.5rem 0}.versions{font-size:.85rem;color:#444}#graph .edge{stroke:#9fb3c8;stroke-width:1}#graph text{font-size:11px}
        """;

    // Sorts the letters table by a clicked heading and filters it by text and kind; the CSP admits it by its hash.
    private const string Script = """
        const rows=[...document.querySelectorAll('#letters tbody tr')],body=document.querySelector('#letters tbody');
        const text=document.getElementById('letter-filter'),kind=document.getElementById('kind-filter'),shown=document.getElementById('letters-shown');
        function apply(){const q=text.value.trim().toLowerCase(),k=kind.value;let n=0;
        for(const r of rows){const show=(!q||r.textContent.toLowerCase().includes(q))&&(!k||r.dataset.kinds.split(' ').includes(k));r.hidden=!show;if(show)n++;}
        shown.textContent=n;}
        text.addEventListener('input',apply);kind.addEventListener('change',apply);
        for(const th of document.querySelectorAll('#letters th[data-sort]')){th.addEventListener('click',()=>{
        const col=th.cellIndex,dir=th.dataset.dir==='asc'?'desc':'asc';
        for(const other of document.querySelectorAll('#letters th[data-sort]'))delete other.dataset.dir;th.dataset.dir=dir;
        const key=r=>r.cells[col].dataset.key??r.cells[col].textContent;
        for(const r of rows.slice().sort((a,b)=>(dir==='asc'?1:-1)*key(a).localeCompare(key(b),'nl',{numeric:true})))body.appendChild(r);});}
        """;

    public static string Render(ReportData data, int chartDossiers)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '{ScriptHash}'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>LetterPipeline — reference report</title>
            """.Replace("{ScriptHash}", "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Script))), StringComparison.Ordinal));
        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Reference report</h1>\n");
        html.Append(Fmt($"<p class=\"meta\">Generated {Text(data.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))} by letterpipe from the reference store.</p>\n"));
        var citations = data.Groups.Sum(g => g.Versions.Max(v => v.References));
        var undated = data.Groups.Count(g => g.Date is null);
        html.Append("<div class=\"summary\">");
        html.Append(Fmt($"<div><b id=\"letter-count\">{data.Groups.Count}</b>letters ({data.Letters.Count} versions)</div><div><b>{citations}</b>citations</div>"));
        html.Append(Fmt($"<div><b>{data.CitingLetters.Count}</b>documents cited</div><div><b>{data.Dossiers.Count}</b>dossiers</div>"));
        html.Append(Fmt($"<div><b id=\"undated-share\">{Percent(undated, data.Groups.Count)}</b>undated ({undated} letter{(undated == 1 ? "" : "s")})</div>"));
        html.Append("</div>\n");

        AppendTimeline(html, data, chartDossiers);
        AppendMostCited(html, data);
        AppendGraph(html, data);
        AppendDossiers(html, data);
        AppendLetters(html, data);
        AppendProblems(html, data);
        html.Append("<script>").Append(Script).Append("</script>\n");
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
        var observed = data.Groups.Where(g => g.Date is not null).Select(g => g.Date!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        var chart = TimelineChart.Render(top, data.Months, observed);
        if (chart is null)
        {
            html.Append("<p class=\"note\">No dated letter cites a dossier yet.</p>\n");
            return;
        }

        html.Append(Fmt($"<p class=\"note\">The {top.Count} most-cited dossiers, by the month of the citing letter's date (each letter once, dated by its earliest version). A line breaks over months in which no stored letter is dated: nothing is known there.</p>\n"));
        html.Append(chart).Append('\n');
        var undated = data.Months.Where(m => m.Month is null && top.Contains(m.Dossier)).Sum(m => m.Citations);
        if (undated > 0)
        {
            html.Append(Fmt($"<p class=\"note\" id=\"undated-citations\">Not in the chart: {undated} citations of these dossiers by letters none of whose versions prints a date.</p>\n"));
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
            var title = data.Names.Dossier(dossier) is { } name ? " " + Text(name) : "";
            html.Append(Fmt($"<h3>Dossier {Text(dossier)}{title} <span class=\"note\">— {count.Citations} citations in {count.Letters} letters</span></h3>\n"));
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
        html.Append(Fmt($"<table class=\"dossier\" id=\"{id}\">\n<thead><tr><th>Document</th><th>Name</th><th>Date</th><th class=\"n\">Letters</th><th class=\"n\">Citations</th><th>Cited by</th></tr></thead>\n<tbody>\n"));
        foreach (var d in documents)
        {
            var citing = data.CitingLetters.GetValueOrDefault(d.Id) ?? [];
            var by = string.Join(", ", citing.Select(LetterLink));
            html.Append(Fmt($"<tr><td><a href=\"{Text(PublicationUrl(d.Id))}\">{Text(d.Id)}</a></td><td>{NameCell(data, d)}</td><td>{Text(Iso(d.Date))}</td><td class=\"n\">{d.Letters}</td><td class=\"n\">{d.Citations}</td><td>{by}</td></tr>\n"));
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendMostCited(StringBuilder html, ReportData data)
    {
        html.Append("<h2 id=\"most-cited-heading\">Most-cited documents</h2>\n");
        html.Append("<p class=\"note\">Each citing letter counted once, however many versions of it the store holds. A name links to the letter when the store holds the cited paper itself; otherwise it is the title of its dossier.</p>\n");
        html.Append("<table id=\"most-cited\">\n<thead><tr><th>Document</th><th>Name</th><th class=\"n\">Letters</th><th class=\"n\">Citations</th><th>First cited</th><th>Last cited</th></tr></thead>\n<tbody>\n");
        foreach (var d in data.MostCited)
        {
            html.Append(Fmt($"<tr><td><a href=\"{Text(PublicationUrl(d.Id))}\">{Text(d.Id)}</a></td><td>{NameCell(data, d)}</td><td class=\"n\">{d.Letters}</td><td class=\"n\">{d.Citations}</td><td>{Text(Iso(d.FirstCited))}</td><td>{Text(Iso(d.LastCited))}</td></tr>\n"));
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendGraph(StringBuilder html, ReportData data)
    {
        html.Append("<h2 id=\"graph-heading\">Who cites what</h2>\n");
        var graph = CitationGraph.Render(data.MostCited.Take(12).Select(d => d.Id).ToList(), data.CitingLetters, data.Groups);
        html.Append(graph is null ? "<p class=\"note\">No citations yet.</p>\n" : graph + "\n<p class=\"note\">Letters (left) and the twelve most-cited documents (right); a line for each citation, however many versions carry it.</p>\n");
    }

    private static void AppendLetters(StringBuilder html, ReportData data)
    {
        html.Append("<h2 id=\"letters-heading\">Letters</h2>\n");
        var kinds = data.Groups.SelectMany(g => KindWords(g)).Distinct().Order(StringComparer.Ordinal);
        html.Append("<div class=\"filters\"><label>Filter <input id=\"letter-filter\" type=\"search\" placeholder=\"title, id, file…\"></label><label>Kind <select id=\"kind-filter\"><option value=\"\">all</option>");
        foreach (var kind in kinds)
        {
            html.Append(Fmt($"<option value=\"{Text(kind)}\">{Text(kind)}</option>"));
        }

        html.Append(Fmt($"</select></label><span class=\"note\"><span id=\"letters-shown\">{data.Groups.Count}</span> of {data.Groups.Count} letters shown; click a heading to sort</span></div>\n"));
        html.Append("<table id=\"letters\">\n<thead><tr><th data-sort>Date</th><th data-sort>Kind</th><th data-sort>Publication</th><th data-sort>Title</th><th data-sort class=\"n\">Versions</th><th data-sort>Flags</th><th>Files and outputs</th></tr></thead>\n<tbody>\n");
        foreach (var g in data.Groups)
        {
            var own = g.Versions.Select(v => v.PublicationId ?? v.KamerstukId).FirstOrDefault(id => id is not null) is { } id ? Fmt($"<a href=\"{Text(PublicationUrl(id))}\">{Text(id)}</a>") : "";
            var flags = string.Concat(Flags(g).Select(f => $"<span class=\"flag\">{Text(f)}</span>"));
            var versions = string.Join("<br>", g.Versions.Select(v => Text(v.File)
                + (v.JsonPath is { } json ? Fmt($" · <a href=\"{Text(FileUrl(json))}\">JSON</a>") : "")
                + (v.DocxPath is { } docx ? Fmt($" · <a href=\"{Text(FileUrl(docx))}\">DOCX</a>") : "")));
            html.Append(Fmt($"<tr id=\"{Text(LetterAnchor(g.Group))}\" data-kinds=\"{Text(string.Join(' ', KindWords(g)))}\"><td data-key=\"{Text(Iso(g.Date) is { Length: > 0 } d ? d : "9999")}\">{Text(Iso(g.Date))}</td><td>{Text(g.Kinds)}</td><td>{own}</td><td>{Text(g.Title)}</td><td class=\"n\">{g.Versions.Count}</td><td>{flags}</td><td class=\"versions\">{versions}</td></tr>\n"));
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendProblems(StringBuilder html, ReportData data)
    {
        html.Append("<h2 id=\"problems-heading\">Failed and flagged letters</h2>\n");
        html.Append("<table id=\"problems\">\n<thead><tr><th>Letter</th><th>Problem</th><th>Detail</th></tr></thead>\n<tbody>\n");
        foreach (var f in data.Failed)
        {
            html.Append(Fmt($"<tr class=\"failed\"><td>{Text(f.File)}</td><td>failed: {Text(f.Code)}</td><td>{Text(f.Message)}</td></tr>\n"));
        }

        foreach (var g in data.Groups.Where(g => Flags(g).Any()))
        {
            html.Append(Fmt($"<tr class=\"flagged\"><td><a href=\"#{Text(LetterAnchor(g.Group))}\">{Text(g.Title ?? g.Name)}</a></td><td>{Text(string.Join(", ", Flags(g)))}</td><td>{Text(string.Join("; ", g.Versions.Select(v => v.File)))}</td></tr>\n"));
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>What an analyst should check about a letter: no date on any version, no title, no reference found.</summary>
    internal static IEnumerable<string> Flags(LetterVersions letter)
    {
        if (letter.Date is null)
        {
            yield return "undated";
        }

        if (letter.Title is null)
        {
            yield return "no title";
        }

        if (letter.Versions.All(v => v.References == 0))
        {
            yield return "no references";
        }
    }

    internal static string LetterAnchor(string group) => "letter-" + group;

    private static string LetterLink(LetterVersions letter) =>
        Fmt($"<a href=\"#{Text(LetterAnchor(letter.Group))}\">{Text(letter.Name)}</a>") + (letter.Date is { } date ? Fmt($" ({date:yyyy-MM-dd})") : "");

    private static string NameCell(ReportData data, DocumentCount document) => data.Names.Of(document.Id, document.Dossier) switch
    {
        { Group: { } group } name => Fmt($"<a class=\"in-store\" href=\"#{Text(LetterAnchor(group))}\">{Text(name.Text)}</a>"),
        { } name => Fmt($"<span class=\"dossier-title\">{Text(name.Text)}</span>"),
        null => "",
    };

    private static IEnumerable<string> KindWords(LetterVersions letter) => letter.Versions.Select(v => v.Kind ?? "unknown").Distinct();

    /// <summary>A file: URL for a local output; escaped per segment, so a hostile name stays one path.</summary>
    private static string FileUrl(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    private static string Percent(int part, int whole) => whole == 0 ? "0%" : Fmt($"{Math.Round(100.0 * part / whole)}%");

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
