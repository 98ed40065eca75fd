using System.Globalization;
using System.Text.Json;
using LetterPipeline.Commands;
using LetterPipeline.Tests.Support;
using LetterPipeline.Tracking;

namespace LetterPipeline.Tests.Tracking;

/// <summary>
/// The <c>refs</c> queries on a store the worker filled from the corpus letters, on SQLite and on PostgreSQL.
/// Every expectation is counted from the gold JSON (<see cref="GoldLetters"/>), not from the program.
/// </summary>
[Collection(ReferenceStoreCollection.Name)]
public sealed class ReferenceQueryTests(CorpusStores stores)
{
    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task CitedBy_EveryGoldDocument_ListsEachCitingLetterOnceWithItsVersionsOldestFirst(string provider)
    {
        var store = (await stores.GetAsync(provider)).Store;
        var ids = GoldLetters.Citations.Select(c => c.Citation.Id).Distinct().ToList();
        Assert.True(ids.Count > 40, $"the gold letters cite {ids.Count} documents");

        foreach (var id in ids)
        {
            var expected = GoldLetters.PerLetter.Where(c => c.Id == id)
                .Select(c => $"{string.Join("; ", c.Letter.Versions.Select(v => v.File).Order(StringComparer.Ordinal))} {Iso(c.Letter.Date)}").Order(StringComparer.Ordinal);

            var rows = await RowsAsync((o, e) => RefsQueryCommands.CitedByAsync(id, OutputFormat.Json, store, o, e, default));

            Assert.Equal(expected, rows.Select(r => $"{string.Join("; ", Str(r, "versionFiles")!.Split("; ").Order(StringComparer.Ordinal))} {Str(r, "letterDate")}").Order(StringComparer.Ordinal));
            var dates = rows.Select(r => Str(r, "letterDate")).ToList();
            Assert.Equal(dates.OrderBy(d => d is null).ThenBy(d => d, StringComparer.Ordinal), dates);
            Assert.All(rows, r => Assert.Equal(id, Str(r, "id")));
            Assert.All(rows, r => Assert.All(Str(r, "json")!.Split("; "), json => Assert.True(File.Exists(json), json)));
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task CitedBy_PrintedCitation_FindsTheSameLettersAsItsId(string provider)
    {
        var store = (await stores.GetAsync(provider)).Store;
        var expected = GoldLetters.Citations.Where(c => c.Citation.Id == "kst-36045-121").Select(c => c.Letter.File).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, expected.Count); // the NATO agenda in three layouts: one letter

        var rows = await RowsAsync((o, e) => RefsQueryCommands.CitedByAsync("Kamerstuk 36 045, nr. 121", OutputFormat.Json, store, o, e, default));

        var row = Assert.Single(rows);
        Assert.Equal(expected, Str(row, "versionFiles")!.Split("; ").Order(StringComparer.Ordinal));
        Assert.Equal(("kst-21501-02-2586", 3), (Str(row, "letter"), Int(row, "versions")));
        Assert.Equal(["kamerstuk", "letter", "other"], Str(row, "letterKinds")!.Split(", ").Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.StartsWith("Kamerstuk 36 045, nr. 121", Str(r, "citation"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task Dossier_EveryGoldDossier_CountsCitationsPerMonthAndRanksItsDocuments(string provider)
    {
        var store = (await stores.GetAsync(provider)).Store;
        var dossiers = GoldLetters.Citations.Where(c => c.Citation.Dossier is not null).Select(c => c.Citation.Dossier!).Distinct().ToList();

        foreach (var dossier in dossiers)
        {
            var citations = GoldLetters.PerLetter.Where(c => c.Dossier == dossier).ToList();
            var months = citations.GroupBy(c => c.Letter.Month)
                .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key ?? "null"}: {g.Sum(c => c.Citations)} in {g.Select(c => c.Letter.Letter).Distinct().Count()}");
            var documents = Ranked(citations);

            using var output = new StringWriter();
            Assert.Equal(0, await RefsQueryCommands.DossierAsync(dossier, OutputFormat.Json, store, output, default));
            using var json = JsonDocument.Parse(output.ToString());

            Assert.Equal(months, json.RootElement.GetProperty("months").EnumerateArray()
                .Select(m => $"{Str(m, "month") ?? "null"}: {Int(m, "citations")} in {Int(m, "letters")}"));
            Assert.Equal(documents, json.RootElement.GetProperty("documents").EnumerateArray().Select(DocumentLine));
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task Dossier_WrittenWithSpaces_IsTheSameDossier(string provider)
    {
        var store = (await stores.GetAsync(provider)).Store;

        var spaced = await TextAsync(o => RefsQueryCommands.DossierAsync("21 501-02", OutputFormat.Json, store, o, default));
        var plain = await TextAsync(o => RefsQueryCommands.DossierAsync("21501-02", OutputFormat.Json, store, o, default));

        Assert.Equal(plain, spaced);
        Assert.Contains("kst-21501-02-2586", GoldLetters.All.Select(l => l.KamerstukId)); // the dossier of the NATO letter itself
        Assert.Contains("\"kst-21501-02-2530\"", plain, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite", 5, null)]
    [InlineData("sqlite", 100, "2023-01-01")]
    [PostgresData]
    public async Task Top_LimitAndSince_ReturnTheMostCitedDocumentsInOrder(string provider, int limit = 7, string? since = "2022-11-20")
    {
        var store = (await stores.GetAsync(provider)).Store;
        var from = since is null ? (DateOnly?)null : DateOnly.Parse(since, CultureInfo.InvariantCulture);
        var citations = GoldLetters.PerLetter.Where(c => from is null || (c.Letter.Date is { } d && d >= from)).ToList();
        var expected = Ranked(citations).Take(limit).ToList();
        Assert.NotEmpty(expected);

        var rows = await RowsAsync((o, _) => RefsQueryCommands.TopAsync(limit, from, OutputFormat.Json, store, o, default));

        Assert.Equal(expected, rows.Select(DocumentLine));
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task New_EveryGoldLetter_ReturnsWhatNoEarlierLetterCited(string provider)
    {
        var store = (await stores.GetAsync(provider)).Store;
        foreach (var letter in GoldLetters.All)
        {
            // Versions of the same letter are not earlier letters: the Kamerstuk print cites nothing new "since" its own letter.
            var earlier = GoldLetters.All.Where(l => l.Letter != letter.Letter && letter.Date is { } date && l.Date is { } d && d < date)
                .SelectMany(l => l.Citations.Select(c => c.Id)).ToHashSet();
            var expected = letter.Citations.Select(c => c.Id).Distinct().Where(id => !earlier.Contains(id)).ToList();

            var rows = await RowsAsync((o, e) => RefsQueryCommands.NewAsync(letter.File, OutputFormat.Json, store, o, e, default));

            Assert.Equal(expected, rows.Select(r => Str(r, "id")));
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task New_LetterByItsKamerstukId_IsFound(string provider)
    {
        var store = (await stores.GetAsync(provider)).Store;
        var letter = GoldLetters.All.Single(l => l.KamerstukId == "kst-36045-145");

        var rows = await RowsAsync((o, e) => RefsQueryCommands.NewAsync("kst-36045-145", OutputFormat.Json, store, o, e, default));

        Assert.Equal(letter.Citations.Select(c => c.Id).Distinct().Count(), rows.Count);
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task Export_Json_IsOneRowPerGoldCitationWithItsLetter(string provider)
    {
        var store = (await stores.GetAsync(provider)).Store;
        var expected = GoldLetters.Citations.Select(c => $"{c.Letter.File}|{c.Letter.KamerstukId}|{c.Citation.Position}|{c.Citation.Id}|{c.Citation.Footnote}").ToList();

        var rows = await RowsAsync((o, _) => RefsQueryCommands.ExportAsync(OutputFormat.Json, store, o, default));

        Assert.Equal(expected, rows.Select(r => $"{Str(r, "letterFile")}|{Str(r, "letterKamerstuk")}|{Int(r, "position")}|{Str(r, "id")}|{Str(r, "footnote")}"));
        // One letter group per distinct corpus letter: the same group for every version of it, different groups otherwise.
        var groups = rows.Select(r => (Letter: Str(r, "letterFile")![..Str(r, "letterFile")!.IndexOf('.', StringComparison.Ordinal)], Group: Str(r, "letterGroup"))).Distinct().ToList();
        Assert.Equal(groups.Select(g => g.Letter).Distinct().Count(), groups.Count);
        Assert.Equal(groups.Count, groups.Select(g => g.Group).Distinct().Count());
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task Export_Csv_HasAHeaderAndOneRecordPerGoldCitation(string provider)
    {
        var store = (await stores.GetAsync(provider)).Store;

        var csv = await TextAsync(o => RefsQueryCommands.ExportAsync(OutputFormat.Csv, store, o, default));
        var records = Csv.Parse(csv);

        Assert.Equal(GoldLetters.Citations.Count() + 1, records.Count);
        var header = records[0].ToList();
        Assert.Equal(GoldLetters.Citations.Select(c => c.Citation.Id), records.Skip(1).Select(r => r[header.IndexOf("id")]));
        Assert.Equal(GoldLetters.Citations.Select(c => c.Letter.File), records.Skip(1).Select(r => r[header.IndexOf("letterFile")]));
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task Export_SemicolonsWithByteOrderMark_IsWhatDutchExcelReads(string provider)
    {
        var store = (await stores.GetAsync(provider)).Store;

        var csv = await TextAsync(o => RefsQueryCommands.ExportAsync(OutputFormat.Csv, store, o, default, new CsvStyle(';', ByteOrderMark: true)));

        Assert.StartsWith("\uFEFFletterSha256;letterFile;", csv, StringComparison.Ordinal);
        // Read back with ';' as the separator: the same records as the comma export.
        var comma = Csv.Parse(await TextAsync(o => RefsQueryCommands.ExportAsync(OutputFormat.Csv, store, o, default)));
        var semicolon = Csv.Parse(csv[1..], ';');
        Assert.Equal(comma.Select(r => string.Join('|', r)), semicolon.Select(r => string.Join('|', r)));
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task RefsCommand_TableFromTheConfiguredStore_IsReadableInATerminal(string provider)
    {
        var store = await stores.GetAsync(provider);
        string[] args = ["refs", "cited-by", "Kamerstuk", "36", "045,", "nr.", "121", .. store.Settings];

        var (exit, output) = await WorkerProcess.RunAsync(stores.Folder, TimeSpan.FromMinutes(1), args);

        Assert.True(exit == 0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Letters citing kst-36045-121 (Situatie in Oekraïne): 3 citations in 1 letter (3 versions)", lines[0]);
        Assert.StartsWith("Cited", lines[1], StringComparison.Ordinal);
        Assert.Matches("^-+( +-+)+$", lines[2]);
        Assert.Equal(1, lines.Skip(3).Count(l => l.StartsWith("kst-36045-121", StringComparison.Ordinal)));
        Assert.All(lines, l => Assert.True(l.Length < 600, l));
    }

    /// <summary>Documents ranked as the store ranks them: by citing letters (groups of versions), then citations, then id by code point.</summary>
    private static IEnumerable<string> Ranked(IEnumerable<(GoldGroup Letter, string Id, string? Dossier, int Citations)> citations) =>
        citations.GroupBy(c => c.Id)
            .Select(g => (Id: g.Key, Letters: g.Count(), Citations: g.Sum(c => c.Citations)))
            .OrderByDescending(d => d.Letters).ThenByDescending(d => d.Citations).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => $"{d.Id}: {d.Letters} letters, {d.Citations} citations");

    private static string DocumentLine(JsonElement d) => $"{Str(d, "id")}: {Int(d, "letters")} letters, {Int(d, "citations")} citations";

    private static async Task<List<JsonElement>> RowsAsync(Func<TextWriter, TextWriter, Task<int>> command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await command(output, error);
        Assert.True(exit == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static async Task<string> TextAsync(Func<TextWriter, Task<int>> command)
    {
        using var output = new StringWriter();
        Assert.Equal(0, await command(output));
        return output.ToString();
    }

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
