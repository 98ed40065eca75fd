using System.Text.Json;
using LetterPipeline.Commands;
using LetterPipeline.Core.Model;
using LetterPipeline.Tracking;

namespace LetterPipeline.Tests.Tracking;

/// <summary>The store, <c>refs cited-by</c> and the report take the official gazettes' ids as they take Kamerstuk ids.</summary>
[Collection(ReferenceStoreCollection.Name)]
public sealed class GazetteReferenceTests(CorpusStores stores)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task RecordAsync_GazetteReferences_ComeBackWithTheirKindAndYear(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        await store.RecordAsync(SomeLetter.Citing("eeee0001", new DateOnly(2023, 6, 1),
            "Stb. 2023, 123.", "Instellingsbesluit (Stcrt. 2021, 12345).", "Trb. 2022, 45.", "https://zoek.officielebekendmakingen.nl/kst-36045-121.html"), "v1", Now, default);

        var citations = await store.CitationsAsync(null, default);

        Assert.Equal(
            ["Staatsblad stb-2023-123 2023", "Staatscourant stcrt-2021-12345 2021", "Tractatenblad trb-2022-45 2022", "Kamerstuk kst-36045-121 -"],
            citations.Select(c => $"{c.Reference.Kind} {c.Reference.Id} {c.Reference.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"));
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task CitedBy_GazetteIdOrPrintedCitation_FindsTheCitingLetter(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        await store.RecordAsync(SomeLetter.Citing("eeee0002", new DateOnly(2023, 6, 1), "Stb. 2023, 123; Stcrt. 2021, 12345; Trb. 2022, 45."), "v1", Now, default);
        await store.RecordAsync(SomeLetter.Citing("eeee0003", new DateOnly(2023, 7, 1), "Stb. 2023, 124."), "v1", Now, default);

        foreach (var (query, id) in new[]
                 {
                     ("stb-2023-123", "stb-2023-123"), ("Stb. 2023, 123", "stb-2023-123"), ("stcrt-2021-12345", "stcrt-2021-12345"),
                     ("Staatscourant 2021, nr. 12345", "stcrt-2021-12345"), ("trb-2022-45", "trb-2022-45"),
                     ("https://zoek.officielebekendmakingen.nl/trb-2022-45.html", "trb-2022-45"),
                 })
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exit = await RefsQueryCommands.CitedByAsync(query, OutputFormat.Json, store, output, error, default);

            Assert.True(exit == 0, error.ToString());
            var row = Assert.Single(JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray());
            Assert.Equal(("eeee0002.pdf", id, Reference.OfficialBaseUrl + id), (row.GetProperty("versionFiles").GetString(), row.GetProperty("id").GetString(), row.GetProperty("url").GetString()));
        }
    }

    [Fact]
    public async Task Report_GazetteReference_IsListedWithALinkToItsPublication()
    {
        var store = (await stores.CreateEmptyAsync("sqlite")).Store;
        await store.RecordAsync(SomeLetter.Citing("eeee0004", new DateOnly(2023, 6, 1), "Kamerstuk 36 045, nr. 121.", "Stb. 2023, 123."), "v1", Now, default);

        var html = HtmlReport.Render(await ReportData.LoadAsync(store, 10, [], Now, default), 8);

        Assert.Contains("href=\"https://zoek.officielebekendmakingen.nl/stb-2023-123\"", html, StringComparison.Ordinal);
    }
}
