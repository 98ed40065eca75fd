using System.Globalization;
using LetterPipeline.Commands;
using LetterPipeline.Core.Model;
using LetterPipeline.Storage;
using LetterPipeline.Tests.Support;
using LetterPipeline.Tracking;

namespace LetterPipeline.Tests.Tracking;

/// <summary>Versions of one letter are one letter: grouped in the store, counted once, and never two letters made one.</summary>
[Collection(ReferenceStoreCollection.Name)]
public sealed class LetterGroupingTests(CorpusStores stores)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    // About 120 words of a geannoteerde agenda: long enough to compare (BodySignature.MinimumShingles).
    private const string AgendaText =
        "Op 12 december vindt de Raad Buitenlandse Zaken plaats in Brussel. De ministers spreken over de Russische agressie tegen Oekraïne, "
        + "over de situatie in de Westelijke Balkan en over de betrekkingen met China. Het kabinet zet zich in voor een tiende sanctiepakket "
        + "en voor voortzetting van de militaire steun via de Europese Vredesfaciliteit. Daarnaast staat de mensenrechtensituatie in Iran op de "
        + "agenda; Nederland steunt nieuwe listings onder het mensenrechtensanctieregime. Onder diversen informeert de Hoge Vertegenwoordiger "
        + "de Raad over de voorbereiding van de top met de Afrikaanse Unie en over de inzet van de Unie in de Sahel, waar de veiligheidssituatie "
        + "verder verslechtert. Het kabinet zal uw Kamer na afloop van de Raad informeren over de uitkomsten in het verslag.";

    [Fact]
    public void CorpusLetters_TheNatoTypesettingsScoreAboveTheThresholdAndDifferentLettersFarBelow()
    {
        var letters = Directory.GetFiles(Corpus.Dir("letters"), "*.pdf").Order(StringComparer.Ordinal)
            .Select(pdf => (Letter: Path.GetFileName(pdf).Split('.')[0], Body: BodySignature.Of(Core.LetterPdf.Read(pdf))!)).ToList();

        var same = new List<double>();
        var different = new List<double>();
        for (var i = 0; i < letters.Count; i++)
        {
            for (var j = i + 1; j < letters.Count; j++)
            {
                (letters[i].Letter == letters[j].Letter ? same : different).Add(letters[i].Body.Similarity(letters[j].Body));
            }
        }

        Assert.Equal(3, same.Count); // the three NATO typesettings, pairwise
        Assert.All(same, s => Assert.True(s >= 0.9, $"versions of one letter: {s}"));
        Assert.All(different, s => Assert.True(s < 0.1, $"different letters: {s}"));
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task CorpusStore_VersionsOfOneLetterShareAGroupAndDifferentLettersNever(string provider)
    {
        var store = (await stores.GetAsync(provider)).Store;

        var letters = await store.LettersAsync(default);

        var groups = letters.GroupBy(l => l.LetterGroup).Select(g => string.Join(" ", g.Select(l => l.File).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
        var expected = GoldLetters.Groups.Select(g => string.Join(" ", g.Versions.Select(v => v.File).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
        Assert.Equal(expected, groups);
        // The NATO agenda as the minister's letter (no publication id), its Kamerstuk print and an annex copy: one letter.
        var nato = letters.Where(l => l.File.StartsWith("navo-2022-11.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["kamerstuk", "letter", "other"], nato.Select(l => l.Kind).Order(StringComparer.Ordinal));
        Assert.Single(nato.Select(l => l.LetterGroup).Distinct());
        // Two letters of dossier 21501-02 (the NATO agenda and the RBZ agenda) stay two.
        Assert.NotEqual(letters.Single(l => l.PublicationId == "kst-21501-02-2586").LetterGroup, letters.Single(l => l.PublicationId == "kst-21501-02-2590").LetterGroup);
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task Top_CorpusStore_CountsEachDistinctLetterOnce(string provider)
    {
        var store = (await stores.GetAsync(provider)).Store;

        var top = await store.DocumentsAsync(new DocumentQuery(), default);

        var natoAgenda = top.Single(d => d.Id == "kst-36045-121");
        Assert.Equal((1, 1), (natoAgenda.Letters, natoAgenda.Citations)); // cited once in each of the three versions
        Assert.All(top, d => Assert.Equal(GoldLetters.PerLetter.Count(c => c.Id == d.Id), d.Letters));
        Assert.Equal(GoldLetters.Groups.Count, (await store.LettersAsync(default)).Select(l => l.LetterGroup).Distinct().Count());
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task RecordAsync_MinistryLetterAndItsKamerstukPrint_AreOneLetterCountedOnce(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        var cited = CitationsOf("Kamerstuk 36 045, nr. 121.");
        // The letter's footer names its Kamerstuk; the print's text differs (its own header block, no letterhead).
        var letter = Letter("1111aaaa", LetterKind.Letter, "kst-21501-02-2590", new DateOnly(2022, 11, 25), "Geachte voorzitter, hierbij zend ik u de geannoteerde agenda.", cited);
        var print = Letter("2222bbbb", LetterKind.Kamerstuk, "kst-21501-02-2590", new DateOnly(2022, 11, 28), AgendaText, cited);
        await store.RecordAsync(letter, "v1", Now, default);
        await store.RecordAsync(print, "v1", Now, default);

        var letters = await store.LettersAsync(default);
        var top = Assert.Single(await store.DocumentsAsync(new DocumentQuery(), default));

        Assert.Equal(["1111aaaa", "1111aaaa"], letters.Select(l => l.LetterGroup));
        Assert.Equal((1, 1, new DateOnly(2022, 11, 25)), (top.Letters, top.Citations, top.FirstCited));
        Assert.Equal(("2022-11", 1, 1), Assert.Single(await store.MonthsAsync("36045", default)) is var m ? (m.Month, m.Citations, m.Letters) : default);
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task RecordAsync_TwoLettersOfOneDossierWithTheSameText_AreNeverOneLetter(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        // A motion and its amended version: one dossier, near-identical text, two publication ids. A copy without an
        // id matches both by text, and still may not make the two one letter.
        await store.RecordAsync(Letter("3333cccc", LetterKind.Kamerstuk, "kst-36200-V-12", null, AgendaText, []), "v1", Now, default);
        await store.RecordAsync(Letter("4444dddd", LetterKind.Kamerstuk, "kst-36200-V-13", null, AgendaText + " Gewijzigd.", []), "v1", Now, default);
        await store.RecordAsync(Letter("5555eeee", LetterKind.Other, null, null, AgendaText, []), "v1", Now, default);

        var groups = (await store.LettersAsync(default)).ToDictionary(l => l.Sha256, l => l.LetterGroup);

        Assert.NotEqual(groups["3333cccc"], groups["4444dddd"]);
        Assert.Contains(groups["5555eeee"], new[] { groups["3333cccc"], groups["4444dddd"] });
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task RecordAsync_VersionsInEitherOrder_GiveTheSameGroups(string provider)
    {
        var first = (await stores.CreateEmptyAsync(provider)).Store;
        var second = (await stores.CreateEmptyAsync(provider)).Store;
        Letter[] versions =
        [
            Letter("9999ffff", LetterKind.Other, null, null, AgendaText, []),
            Letter("6666aaaa", LetterKind.Letter, null, new DateOnly(2022, 11, 25), AgendaText + " Hoogachtend, de minister.", []),
            Letter("7777bbbb", LetterKind.Kamerstuk, "kst-21501-02-2590", new DateOnly(2022, 11, 28), "Vastgesteld. " + AgendaText, []),
        ];
        foreach (var v in versions)
        {
            await first.RecordAsync(v, "v1", Now, default);
        }

        foreach (var v in versions.Reverse())
        {
            await second.RecordAsync(v, "v1", Now, default);
        }

        var a = (await first.LettersAsync(default)).Select(l => (l.Sha256, l.LetterGroup)).Order();
        var b = (await second.LettersAsync(default)).Select(l => (l.Sha256, l.LetterGroup)).Order();
        Assert.Equal(a, b);
        Assert.All(a, l => Assert.Equal("6666aaaa", l.LetterGroup));
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task Top_CitedPaperInTheStore_IsNamedByItsTitleAndOthersByTheirDossier(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        var progress = Letter("8888aaaa", LetterKind.Kamerstuk, "kst-36045-145", new DateOnly(2023, 2, 14), AgendaText, []) with
        {
            Title = "Voortgangsbrief steun aan Oekraïne",
            Kamerstuk = new LetterIdentity("36045", "145", "2022-2023", new DateOnly(2023, 2, 14), "Situatie in Oekraïne"),
        };
        await store.RecordAsync(progress, "v1", Now, default);
        await store.RecordAsync(Letter("8888bbbb", LetterKind.Letter, null, new DateOnly(2023, 3, 1), "Kort.",
            CitationsOf("Kamerstuk 36 045, nr. 145.", "Kamerstuk 36 045, nr. 99.", "Kamerstuk 28 676, nr. 418.")), "v1", Now, default);

        using var output = new StringWriter();
        await RefsQueryCommands.TopAsync(10, null, OutputFormat.Json, store, output, default);
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        var names = json.RootElement.EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => $"{d.GetProperty("name").GetString()} ({d.GetProperty("nameSource").GetString()})");

        Assert.Equal("Voortgangsbrief steun aan Oekraïne (store)", names["kst-36045-145"]);
        Assert.Equal("Situatie in Oekraïne (dossier)", names["kst-36045-99"]);
        Assert.Equal(" ()", names["kst-28676-418"]); // neither the paper nor its dossier is known
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task Top_CorpusStore_NamesEveryDocumentOfADossierWhoseKamerstukItHolds(string provider)
    {
        var store = (await stores.GetAsync(provider)).Store;
        // The dossier titles printed in the header blocks of the corpus's Kamerstuk prints, read by hand from the PDFs.
        var printed = new Dictionary<string, string>
        {
            ["21501-02"] = "Raad Algemene Zaken en Raad Buitenlandse Zaken",
            ["32317"] = "JBZ-Raad",
            ["36045"] = "Situatie in Oekraïne",
        };

        using var output = new StringWriter();
        await RefsQueryCommands.TopAsync(1000, null, OutputFormat.Json, store, output, default);
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        var rows = json.RootElement.EnumerateArray().Select(d => (Dossier: d.GetProperty("dossier").GetString(), Name: d.GetProperty("name").GetString(), Source: d.GetProperty("nameSource").GetString())).ToList();

        Assert.Equal(GoldLetters.Citations.Select(c => c.Citation.Id).Distinct().Count(), rows.Count);
        Assert.All(rows, r => Assert.Equal(
            r.Dossier is not null && printed.TryGetValue(r.Dossier, out var title) ? (title, "dossier") : (null, null),
            (r.Name, r.Source)));
        Assert.True(rows.Count(r => r.Name is not null) >= 15, "most cited documents are of the corpus's own dossiers");
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task Import_TheWorkersOutputFolder_GivesTheSameStoreAsTheWorker(string provider)
    {
        var worker = (await stores.GetAsync(provider)).Store;
        var imported = (await stores.CreateEmptyAsync(provider)).Store;
        var output = stores.OutputOf(provider);
        File.WriteAllText(Path.Combine(output, "notes.json"), "{\"not\": \"a letter\"}");

        using var log = new StringWriter();
        Assert.Equal(0, await RefsImportCommand.ImportAsync(imported, output, TimeProvider.System, log, default));
        Assert.Equal(0, await RefsImportCommand.ImportAsync(imported, output, TimeProvider.System, log, default));

        Assert.Equal(await LettersAsync(worker), await LettersAsync(imported));
        Assert.Equal(await CitationsAsync(worker), await CitationsAsync(imported));
        var lines = log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("notes.json: skipped, not a letter: Letter JSON has schemaVersion 0; this reader knows 1.", lines);
        Assert.Equal($"{GoldLetters.All.Count} letters recorded, 0 already in the store, 1 files skipped", lines[1]);
        Assert.Equal($"0 letters recorded, {GoldLetters.All.Count} already in the store, 1 files skipped", lines[^1]);
        File.Delete(Path.Combine(output, "notes.json"));
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task ConvertRecord_CorpusLetters_GivesTheWorkersStoreWithItsOwnOutputs(string provider)
    {
        var worker = (await stores.GetAsync(provider)).Store;
        var recorded = await stores.CreateEmptyAsync(provider);
        var output = Path.Combine(stores.Folder, provider + "-convert-record");

        var (exit, log) = await WorkerProcess.RunAsync(stores.Folder, TimeSpan.FromMinutes(3),
            ["convert", Corpus.Dir("letters"), "--out", output, "--record", .. recorded.Settings]);

        Assert.True(exit == 0, log);
        var own = (await recorded.Store.LettersAsync(default)).ToList();
        Assert.All(own, l => Assert.Equal(Path.Combine(Path.GetFullPath(output), Path.ChangeExtension(l.File, ".json")), l.JsonPath));
        // The same letters, groups and references as the worker recorded; only where the outputs are differs.
        Assert.Equal((await LettersAsync(worker)).Select(WithoutPaths), (await LettersAsync(recorded.Store)).Select(WithoutPaths));
        Assert.Equal(await CitationsAsync(worker), await CitationsAsync(recorded.Store));
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task MigrateAsync_StoreOfTheSecondStep_KeepsEachLetterAsItsOwnGroup(string provider)
    {
        using var temp = new TempDir();
        var options = provider == "postgres"
            ? new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = await PostgresServer.CreateDatabaseAsync() }
            : new StorageOptions { ConnectionString = $"Data Source={Path.Combine(temp.Path, "store.db")}" };
        try
        {
            var database = StoreDatabase.Create(options, TimeProvider.System);
            var twoSteps = TrackingMigrations.Schema with { Sqlite = TrackingMigrations.Schema.Sqlite.Take(2).ToList(), Postgres = TrackingMigrations.Schema.Postgres.Take(2).ToList() };
            await database.MigrateAsync(twoSteps, default);
            await using (var connection = await database.OpenAsync(default))
            {
                await using var insert = SqlCommands.Command(connection, null, """
                    INSERT INTO letters (sha256, file, title, kamerstuk_id, letter_date, pages, pipeline_version, converted_at, reference_count, kind, publication_id)
                    VALUES ('0123abcd', 'voortgang.pdf', 'Voortgangsbrief', 'kst-36045-145', @date, 3, '1.2', @at, 0, 'kamerstuk', 'kst-36045-145');
                    """, ("@date", database.DateValue(new DateOnly(2023, 2, 14))), ("@at", database.TimeValue(Now)));
                await insert.ExecuteNonQueryAsync();
            }

            IReferenceStore store = new AdoReferenceStore(database);
            await store.MigrateAsync(default);
            // A print of the same Kamerstuk recorded after the upgrade joins the old letter by its publication id.
            await store.RecordAsync(Letter("0000ffff", LetterKind.Kamerstuk, "kst-36045-145", new DateOnly(2023, 2, 14), AgendaText, []), "v1", Now, default);

            var letters = await store.LettersAsync(default);
            Assert.Equal(["0000ffff", "0000ffff"], letters.Select(l => l.LetterGroup));
            Assert.Equal("Voortgangsbrief", letters.Single(l => l.Sha256 == "0123abcd").Title);
        }
        finally
        {
            if (provider == "postgres")
            {
                await PostgresServer.DropDatabaseAsync(options.ConnectionString);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static Letter Letter(string sha, LetterKind kind, string? publicationId, DateOnly? date, string body, IReadOnlyList<Reference> references) =>
        SomeLetter.With(sha, $"Brief {sha}", date, references) with
        {
            Kamerstuk = null,
            Kind = kind,
            PublicationId = publicationId,
            Sections = [new Section(0, null, [new Paragraph(body, [], false)])],
        };

    private static List<Reference> CitationsOf(params string[] footnotes) =>
        footnotes.SelectMany((text, i) => Core.Citations.CitationParser.Parse(text, (i + 1).ToString(CultureInfo.InvariantCulture))).ToList();

    private static async Task<List<string>> LettersAsync(IReferenceStore store) =>
        (await store.LettersAsync(default)).Select(l => string.Join('|', l.Sha256, l.File, l.Title, l.KamerstukId, l.Date, l.Pages, l.PipelineVersion, l.References,
            l.Kind, l.PublicationId, l.LetterGroup, l.JsonPath, l.DocxPath)).Order(StringComparer.Ordinal).ToList();

    private static string WithoutPaths(string letter) => string.Join('|', letter.Split('|').SkipLast(2));

    private static async Task<List<string>> CitationsAsync(IReferenceStore store) =>
        (await store.CitationsAsync(null, default)).Select(c => $"{c.Letter.Sha256}|{c.Position}|{c.Reference.Id}|{c.Reference.Footnote}|{c.Reference.Text}")
            .Order(StringComparer.Ordinal).ToList();
}
