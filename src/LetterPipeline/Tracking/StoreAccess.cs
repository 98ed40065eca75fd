using LetterPipeline.Commands;
using LetterPipeline.Settings;
using LetterPipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Tracking;

/// <summary>
/// Opens the configured database for the commands that read it (<c>refs</c>, <c>report</c>, <c>status</c>), from
/// the same configuration as <c>letterpipe run</c>: appsettings.json, environment (<c>Storage__ConnectionString</c>)
/// and <c>--Storage:ConnectionString=…</c>.
/// </summary>
internal sealed class StoreAccess : IDisposable
{
    private static readonly StoreWording ReferenceStoreWording = new("store", "convert letters with 'letterpipe run' first", "open the reference store");

    private readonly IHost host;

    private StoreAccess(IHost host) => this.host = host;

    public IReferenceStore Store => Services.GetRequiredService<IReferenceStore>();

    /// <summary>The ledger, lease store and reference store of the configured database.</summary>
    public IServiceProvider Services => host.Services;

    /// <summary>The reference store, migrated to the current schema; or null and the reason on <paramref name="error"/>.</summary>
    public static Task<StoreAccess?> OpenAsync(string[] configuration, TextWriter error, CancellationToken cancellationToken) =>
        OpenAsync(configuration, error, ReferenceStoreWording, (services, ct) => services.GetRequiredService<IReferenceStore>().MigrateAsync(ct), cancellationToken);

    /// <summary>The reference store for writing (<c>refs import</c>, <c>convert --record</c>): created when the SQLite file does not exist yet.</summary>
    public static Task<StoreAccess?> OpenForWritingAsync(string[] configuration, TextWriter error, CancellationToken cancellationToken) =>
        OpenAsync(configuration, error, ReferenceStoreWording, (services, ct) => services.GetRequiredService<IReferenceStore>().MigrateAsync(ct), createMissing: true, cancellationToken);

    /// <summary>
    /// The configured database after <paramref name="prepare"/> has run on its services; or null and the reason on
    /// <paramref name="error"/>, worded for the command by <paramref name="wording"/>, when opening or preparing fails.
    /// </summary>
    public static Task<StoreAccess?> OpenAsync(string[] configuration, TextWriter error, StoreWording wording,
        Func<IServiceProvider, CancellationToken, Task> prepare, CancellationToken cancellationToken) =>
        OpenAsync(configuration, error, wording, prepare, createMissing: false, cancellationToken);

    private static async Task<StoreAccess?> OpenAsync(string[] configuration, TextWriter error, StoreWording wording,
        Func<IServiceProvider, CancellationToken, Task> prepare, bool createMissing, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configuration, ContentRootPath = AppContext.BaseDirectory });
        // As strict as 'run': a misspelt Storage:ConnectionString must not open the default database instead.
        var review = SettingsCheck.Review(builder.Configuration);
        if (review.Errors.Count > 0)
        {
            CommandSettings.WriteErrors(review.Errors, error);
            return null;
        }

        builder.Configuration.AddInMemoryCollection(review.Normalised);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageProviderValidator>();
        builder.Services.AddLedger();
        builder.Services.AddClusterStore(heartbeat: false);
        builder.Services.AddReferenceStore(migrateOnStart: false);
        var host = builder.Build();
        try
        {
            var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (!createMissing && !StorageOptions.IsPostgres(options)
                && new SqliteConnectionStringBuilder(options.ConnectionString).DataSource is { Length: > 0 } file
                && file != ":memory:" && !File.Exists(file))
            {
                // Reading must not leave an empty database behind a mistyped path.
                await error.WriteLineAsync($"letterpipe: no {wording.Noun} at {Path.GetFullPath(file)}; {wording.FirstStep}, or set --Storage:ConnectionString=…");
                host.Dispose();
                return null;
            }

            await prepare(host.Services, cancellationToken);
            return new StoreAccess(host);
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or SqliteException or Npgsql.NpgsqlException or IOException or ArgumentException)
        {
            await error.WriteLineAsync($"letterpipe: cannot {wording.Failure}: {ex.Message}");
            host.Dispose();
            return null;
        }
    }

    public void Dispose() => host.Dispose();
}

/// <summary>
/// How a command names what it reads in its errors: "no {Noun} at …; {FirstStep}, or set …" and "cannot {Failure}: …".
/// </summary>
internal sealed record StoreWording(string Noun, string FirstStep, string Failure);
