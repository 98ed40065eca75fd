using System.Text.RegularExpressions;
using LetterPipeline.Commands;
using LetterPipeline.Core.Model;
using LetterPipeline.Tests.Support;
using LetterPipeline.Tracking;

namespace LetterPipeline.Tests.Tracking;

/// <summary>
/// Letter text is untrusted: what reaches report.html is HTML-escaped, CSV cells that a spreadsheet would
/// evaluate are neutralised, and a terminal table gets no control characters. Each is proved with a hostile letter.
/// </summary>
[Collection(ReferenceStoreCollection.Name)]
public sealed partial class SafetyTests(CorpusStores stores)
{
    internal const string ScriptTitle = "<script>alert(1)</script>";
    internal const string FormulaTitle = "=HYPERLINK(\"https://evil.example\",\"klik\")";

    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Worker_HostilePdfTitles_AreEscapedInTheReportAndNeutralisedInCsv()
    {
        var store = await stores.CreateEmptyAsync("sqlite");
        using var folders = new WorkerFolders();
        await File.WriteAllBytesAsync(Path.Combine(folders.Inbox, "script.pdf"), HostilePdf.Build(ScriptTitle, "Zie Kamerstuk 36 045, nr. 121."));
        await File.WriteAllBytesAsync(Path.Combine(folders.Inbox, "formula.pdf"), HostilePdf.Build(FormulaTitle, "Zie Kamerstuk 28 676, nr. 418.", HostilePdf.OtherBody));

        var (exit, output) = await WorkerProcess.RunAsync(folders.Root, TimeSpan.FromMinutes(2), [.. folders.RunOnce(), .. store.Settings]);

        Assert.True(exit == 0, output);
        var letters = await store.Store.LettersAsync(default);
        Assert.Equal(new[] { FormulaTitle, ScriptTitle }.Order(StringComparer.Ordinal), letters.Select(l => l.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["kst-28676-418", "kst-36045-121"], (await store.Store.CitationsAsync(null, default)).Select(c => c.Reference.Id).Order(StringComparer.Ordinal));

        var html = await ReportAsync(store.Store);
        Assert.Equal(1, OwnScripts(html));
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", html, StringComparison.Ordinal);

        var csv = Csv.Parse(await ExportAsync(store.Store));
        var titles = csv.Skip(1).Select(r => r[csv[0].ToList().IndexOf("letterTitle")]).ToList();
        Assert.Contains("'" + FormulaTitle, titles);
        Assert.DoesNotContain(FormulaTitle, titles);
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task Report_HostileTextInEveryField_IsEscapedAndLinksStayOfficial(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        await store.RecordAsync(Hostile(), "v1", Now, default);

        var html = await ReportAsync(store);

        foreach (var tag in new[] { "<img", "<iframe", "<u>", "<svg onload" })
        {
            Assert.DoesNotContain(tag, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(1, OwnScripts(html));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;.pdf", html, StringComparison.Ordinal);
        // The hostile id shows as text; as a link it stays on the official site, escaped.
        Assert.Contains("href=\"https://zoek.officielebekendmakingen.nl/javascript%3Aalert%283%29\"", html, StringComparison.Ordinal);
        // Links go to the official site or to a letter further down the page.
        Assert.All(Href().Matches(html), m => Assert.True(
            m.Groups[1].Value.StartsWith(Reference.OfficialBaseUrl, StringComparison.Ordinal) || m.Groups[1].Value.StartsWith("#letter-", StringComparison.Ordinal), m.Groups[1].Value));
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html, StringComparison.Ordinal);
        Assert.Matches("script-src 'sha256-[A-Za-z0-9+/=]{44}'\">", html);
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task Export_HostileTextInEveryField_NoCellStartsAFormula(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        await store.RecordAsync(Hostile(), "v1", Now, default);

        var csv = Csv.Parse(await ExportAsync(store));

        Assert.Equal(3, csv.Count);
        var cells = csv.SelectMany(r => r).ToList();
        Assert.All(cells, c => Assert.False(c.Length > 0 && "=+-@\t\r".Contains(c[0], StringComparison.Ordinal), $"formula cell: {c}"));
        Assert.Contains("'" + FormulaTitle, cells);
        Assert.Contains("'@SUM(A1:A9)", cells);
        Assert.Contains("'-1+1", cells);
        Assert.Contains("'\t=1+1", cells);
        Assert.Contains("'\r=1+1", cells);
        Assert.Contains("'+31 70", cells);
    }

    [Fact]
    public async Task Table_ControlCharactersInAField_NeverReachTheTerminal()
    {
        var store = (await stores.CreateEmptyAsync("sqlite")).Store;
        var reference = new Reference(ReferenceKind.Kamerstuk, "36045", "121", null, null, null, "kst-36045-121", "Kamerstuk 36 045, nr. 121\u001b]0;pwned\u0007\u001b[2J", "1");
        await store.RecordAsync(SomeLetter.With("ffff0001", "Titel\u001b[31m rood\nnieuwe regel", new DateOnly(2023, 1, 1), [reference]), "v1", Now, default);

        using var output = new StringWriter();
        await RefsQueryCommands.CitedByAsync("kst-36045-121", OutputFormat.Table, store, output, TextWriter.Null, default);

        Assert.DoesNotContain(output.ToString(), c => char.IsControl(c) && c is not '\n' and not '\r');
        Assert.Contains("Titel [31m rood nieuwe regel", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A letter whose every stored string is hostile, with two references.</summary>
    internal static Letter Hostile() => SomeLetter.With(
        "abcdef0123456789",
        ScriptTitle,
        new DateOnly(2023, 1, 15),
        [
            new Reference(ReferenceKind.Kamerstuk, "<u>36045</u>", "121", null, null, null, "javascript:alert(3)", FormulaTitle, "@SUM(A1:A9)"),
            new Reference(ReferenceKind.Handelingen, null, "-1+1", "\t=1+1", "\r=1+1", null, "h-tk-<iframe src=x>", "<svg onload=alert(4)>", "+31 70"),
        ],
        file: "\"><img src=x onerror=alert(2)>.pdf");

    /// <summary>How many script elements the page has: the report's own is the only one there may be.</summary>
    private static int OwnScripts(string html) => Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count;

    internal static async Task<string> ReportAsync(IReferenceStore store)
    {
        var path = Path.Combine(Path.GetTempPath(), "letterpipe-tests", Guid.NewGuid().ToString("N") + ".html");
        await ReportCommand.WriteAsync(store, path, 10, TimeProvider.System, TextWriter.Null, default);
        try
        {
            return await File.ReadAllTextAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> ExportAsync(IReferenceStore store)
    {
        using var output = new StringWriter();
        await RefsQueryCommands.ExportAsync(OutputFormat.Csv, store, output, default);
        return output.ToString();
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
