using LetterPipeline.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Tracking;

/// <summary>
/// Opens the configured reference store for the <c>refs</c> and <c>report</c> commands, from the same
/// configuration as <c>letterpipe run</c>: appsettings.json, environment (<c>Storage__ConnectionString</c>) and
/// <c>--Storage:ConnectionString=…</c>.
/// </summary>
internal sealed class StoreAccess : IDisposable
{
    private readonly IHost host;

    private StoreAccess(IHost host, IReferenceStore store)
    {
        this.host = host;
        Store = store;
    }

    public IReferenceStore Store { get; }

    /// <summary>The store, migrated to the current schema; or null and the reason on <paramref name="error"/>.</summary>
    public static async Task<StoreAccess?> OpenAsync(string[] configuration, TextWriter error, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configuration, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageProviderValidator>();
        builder.Services.AddReferenceStore(migrateOnStart: false);
        var host = builder.Build();
        try
        {
            var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (!StorageOptions.IsPostgres(options)
                && new SqliteConnectionStringBuilder(options.ConnectionString).DataSource is { Length: > 0 } file
                && file != ":memory:" && !File.Exists(file))
            {
                // Querying must not leave an empty database behind a mistyped path.
                await error.WriteLineAsync($"letterpipe: no store at {Path.GetFullPath(file)}; convert letters with 'letterpipe run' first, or set --Storage:ConnectionString=…");
                host.Dispose();
                return null;
            }

            var store = host.Services.GetRequiredService<IReferenceStore>();
            await store.MigrateAsync(cancellationToken);
            return new StoreAccess(host, store);
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or SqliteException or Npgsql.NpgsqlException or IOException or ArgumentException)
        {
            await error.WriteLineAsync($"letterpipe: cannot open the reference store: {ex.Message}");
            host.Dispose();
            return null;
        }
    }

    public void Dispose() => host.Dispose();
}
