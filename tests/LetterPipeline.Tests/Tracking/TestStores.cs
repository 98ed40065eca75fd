using System.Collections.Concurrent;
using LetterPipeline.Storage;
using LetterPipeline.Tests.Support;
using LetterPipeline.Tracking;

namespace LetterPipeline.Tests.Tracking;

/// <summary>A reference store and the <c>--Storage:…</c> settings that point the program at it.</summary>
internal sealed record TestStore(string Provider, IReferenceStore Store, string[] Settings);

/// <summary>Empty stores of either provider, each in its own SQLite file or PostgreSQL database, removed on dispose.</summary>
internal sealed class TestStores : IAsyncDisposable
{
    private readonly TempDir temp = new();
    private readonly ConcurrentBag<string> databases = [];

    public string Folder => temp.Path;

    public async Task<TestStore> CreateAsync(string provider)
    {
        TestStore store;
        if (provider == "postgres")
        {
            var connectionString = await PostgresServer.CreateDatabaseAsync();
            databases.Add(connectionString);
            var options = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = connectionString };
            store = new TestStore(provider, new AdoReferenceStore(StoreDatabase.Create(options, TimeProvider.System)),
                ["--Storage:Provider=Postgres", $"--Storage:ConnectionString={connectionString}"]);
        }
        else
        {
            var connectionString = $"Data Source={Path.Combine(temp.Path, Guid.NewGuid().ToString("N") + ".db")}";
            var options = new StorageOptions { ConnectionString = connectionString };
            store = new TestStore(provider, new AdoReferenceStore(StoreDatabase.Create(options, TimeProvider.System)), [$"--Storage:ConnectionString={connectionString}"]);
        }

        await store.Store.MigrateAsync(CancellationToken.None);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in databases)
        {
            await PostgresServer.DropDatabaseAsync(database);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        temp.Dispose();
    }
}

/// <summary>
/// One store per provider, filled by the real worker (<c>letterpipe run --once</c>) converting the corpus letters;
/// shared by the tests of the "reference store" collection, filled on first use.
/// </summary>
public sealed class CorpusStores : IAsyncLifetime
{
    private static readonly TimeSpan PassLimit = TimeSpan.FromMinutes(3);

    private readonly TestStores stores = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<TestStore>>> filled = new();

    internal Task<TestStore> GetAsync(string provider) =>
        filled.GetOrAdd(provider, p => new Lazy<Task<TestStore>>(() => FillAsync(p))).Value;

    internal Task<TestStore> CreateEmptyAsync(string provider) => stores.CreateAsync(provider);

    internal string Folder => stores.Folder;

    /// <summary>The output folder the worker converted the corpus letters into for <paramref name="provider"/>'s store.</summary>
    internal string OutputOf(string provider) => Path.Combine(stores.Folder, provider, "output");

    private async Task<TestStore> FillAsync(string provider)
    {
        var store = await stores.CreateAsync(provider);
        var folders = Path.Combine(stores.Folder, provider);
        var inbox = Directory.CreateDirectory(Path.Combine(folders, "inbox")).FullName;
        foreach (var pdf in Corpus.Pdfs("letters"))
        {
            File.Copy(pdf, Path.Combine(inbox, Path.GetFileName(pdf)));
        }

        string[] run =
        [
            "run", "--once", $"--Pipeline:Inbox={inbox}", $"--Pipeline:Output={Path.Combine(folders, "output")}",
            $"--Pipeline:Archive={Path.Combine(folders, "archive")}", $"--Pipeline:Failed={Path.Combine(folders, "failed")}",
            "--Pipeline:SettleTime=00:00:00.2", "--Pipeline:Parallelism=2", .. store.Settings,
        ];
        var (exit, output) = await WorkerProcess.RunAsync(folders, PassLimit, run);
        if (exit != 0)
        {
            throw new InvalidOperationException($"run --once on the corpus letters exited {exit}:\n{output}");
        }

        return store;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await stores.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ReferenceStoreCollection : ICollectionFixture<CorpusStores>
{
    public const string Name = "reference store";
}
