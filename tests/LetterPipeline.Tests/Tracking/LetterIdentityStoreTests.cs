using LetterPipeline.Core.Model;
using LetterPipeline.Storage;
using LetterPipeline.Tests.Support;
using LetterPipeline.Tracking;

namespace LetterPipeline.Tests.Tracking;

/// <summary>The store keeps each letter's kind and publication id, and a store of the first schema step upgrades in place.</summary>
[Collection(ReferenceStoreCollection.Name)]
public sealed class LetterIdentityStoreTests(CorpusStores stores)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task RecordAsync_Aanhangsel_KeepsKindAndPublicationIdAndIsFoundByIt(string provider)
    {
        var store = (await stores.CreateEmptyAsync(provider)).Store;
        var letter = SomeLetter.With("abcd1234abcd", "Vragen van het lid Van Haga over Sinterklaasintochten", new DateOnly(2024, 2, 20), []) with
        {
            Kamerstuk = null,
            Kind = LetterKind.Aanhangsel,
            PublicationId = "ah-tk-20232024-1076",
        };
        await store.RecordAsync(letter, "v1", Now, default);

        var found = Assert.Single(await store.FindLettersAsync("ah-tk-20232024-1076", default));

        Assert.Equal(("aanhangsel", "ah-tk-20232024-1076", new DateOnly(2024, 2, 20)), (found.Kind, found.PublicationId, found.Date));
        Assert.Equal("ah-tk-20232024-1076", found.Name);
    }

    [Theory]
    [InlineData("sqlite")]
    [PostgresData]
    public async Task MigrateAsync_StoreOfTheFirstStep_KeepsItsLettersWithTheirKamerstukIdAsPublicationId(string provider)
    {
        using var temp = new TempDir();
        var options = provider == "postgres"
            ? new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = await PostgresServer.CreateDatabaseAsync() }
            : new StorageOptions { ConnectionString = $"Data Source={Path.Combine(temp.Path, "store.db")}" };
        try
        {
            var database = StoreDatabase.Create(options, TimeProvider.System);
            var firstStep = TrackingMigrations.Schema with { Sqlite = TrackingMigrations.Schema.Sqlite.Take(1).ToList(), Postgres = TrackingMigrations.Schema.Postgres.Take(1).ToList() };
            await database.MigrateAsync(firstStep, default);
            await using (var connection = await database.OpenAsync(default))
            {
                await using var insert = SqlCommands.Command(connection, null, """
                    INSERT INTO letters (sha256, file, title, kamerstuk_id, letter_date, pages, pipeline_version, converted_at, reference_count)
                    VALUES ('0123abcd', 'voortgang.pdf', 'Voortgangsbrief', 'kst-36045-145', @date, 3, '1.1', @at, 0);
                    """, ("@date", database.DateValue(new DateOnly(2023, 2, 14))), ("@at", database.TimeValue(Now)));
                await insert.ExecuteNonQueryAsync();
            }

            var store = new AdoReferenceStore(database);
            await store.MigrateAsync(default);

            var letter = Assert.Single(await store.FindLettersAsync("kst-36045-145", default));
            Assert.Equal(("kst-36045-145", null, "Voortgangsbrief"), (letter.PublicationId, letter.Kind, letter.Title));
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
}
