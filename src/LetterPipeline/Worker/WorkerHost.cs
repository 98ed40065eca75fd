using System.Globalization;
using LetterPipeline.Core.Ocr;
using LetterPipeline.Isolation;
using LetterPipeline.Settings;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Quartz;

namespace LetterPipeline.Worker;

/// <summary>The composition root of <c>letterpipe run</c>, and of <c>retry</c> and <c>reconvert</c>, which share its configuration.</summary>
internal static partial class WorkerHost
{
    // Time for in-flight documents to finish on SIGTERM, beyond the longest one may take.
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(15);

    /// <param name="args">Configuration overrides, e.g. <c>--Pipeline:Inbox=/data/inbox</c>.</param>
    /// <param name="scheduled">Add the Quartz scheduler; false for a single pass driven by the caller.</param>
    public static IHost Build(string[] args, bool scheduled)
    {
        // appsettings.json ships beside the program; relative paths in it resolve against the working directory.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var services = builder.Services;
        EscapingConsoleLoggerProvider.Wrap(builder.Logging);
        // Checked before anything binds: a misspelt setting must stop the program, not leave a default in its place.
        var review = SettingsCheck.Review(builder.Configuration);
        builder.Configuration.AddInMemoryCollection(review.Normalised);
        services.AddSingleton(review);

        // The shipped appsettings.json sets a short clock time for people reading a terminal; machines reading JSON get UTC ISO 8601.
        services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            json.UseUtcTimestamp = true;
        });
        services.AddSingleton(TimeProvider.System);
        services.AddOptionsWithValidateOnStart<PipelineOptions, PipelineOptionsValidator>().BindConfiguration(PipelineOptions.SectionName);
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineRulesValidator>();
        services.AddOptionsWithValidateOnStart<StorageOptions, StorageOptionsValidator>().BindConfiguration(StorageOptions.SectionName);
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageProviderValidator>();
        services.AddOptionsWithValidateOnStart<ScheduleOptions, ScheduleOptionsValidator>().BindConfiguration(ScheduleOptions.SectionName);
        services.AddSingleton<IValidateOptions<ScheduleOptions>, CronValidator>();
        services.AddOptionsWithValidateOnStart<ClusterOptions, ClusterOptionsValidator>().BindConfiguration(ClusterOptions.SectionName);
        services.AddOcr();
        if (builder.Configuration[$"{ClusterOptions.SectionName}:{nameof(ClusterOptions.NodeId)}"] is null && !StorageOptions.IsPostgres(Bind(builder.Configuration)))
        {
            // One worker per SQLite ledger: every run of it is the same node, not a new one per process in 'status'.
            services.PostConfigure<ClusterOptions>(o => o.NodeId = Environment.MachineName);
        }

        // Read raw: the validated options are not available while the host is being built.
        var documentTimeout = TimeSpan.TryParse(builder.Configuration[$"{PipelineOptions.SectionName}:{nameof(PipelineOptions.DocumentTimeout)}"],
            CultureInfo.InvariantCulture, out var configured) ? configured : new PipelineOptions().DocumentTimeout;
        services.Configure<HostOptions>(host => host.ShutdownTimeout = documentTimeout + ShutdownGrace);

        services.AddLetterResilience();
        services.AddLedger();
        services.AddHostedService<LedgerMigration>();
        services.AddReferenceStore();
        services.AddClusterStore();
        services.AddSingleton<IDocumentConverter>(provider =>
        {
            var o = provider.GetRequiredService<IOptions<PipelineOptions>>().Value;
            var ocr = provider.GetRequiredService<IOptions<OcrOptions>>().Value;
            return new ConversionPool(new ConversionPoolOptions(o.Parallelism, o.DocumentTimeout, o.MemoryLimitMb, o.FormatList, Ocr: ocr));
        });
        services.AddSingleton<RetryBackoff>();
        services.AddSingleton<InboxScanner>();
        services.AddSingleton<LeftoverFiles>();
        services.AddSingleton<InputArchive>();
        services.AddSingleton<DocumentConversion>();
        services.AddSingleton<KnownDocumentSettler>();
        services.AddSingleton<DocumentClaimer>();
        services.AddSingleton<DocumentLease>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<QuarantineRelease>();
        services.AddSingleton<OutputRebuild>();

        if (scheduled)
        {
            var cron = builder.Configuration[$"{ScheduleOptions.SectionName}:{nameof(ScheduleOptions.Cron)}"] ?? new ScheduleOptions().Cron;
            if (StorageOptions.IsPostgres(Bind(builder.Configuration)))
            {
                services.AddClusteredQuartz(builder.Configuration, cron);
                services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
                return builder.Build();
            }

            services.AddQuartz(q =>
            {
                q.AddJob<ConvertInboxJob>(j => j.WithIdentity(ConvertInboxJob.Key));
                q.AddTrigger(t => t.ForJob(ConvertInboxJob.Key).WithIdentity("convert-inbox-on-start").StartNow());
                q.AddTrigger(t => t.ForJob(ConvertInboxJob.Key).WithIdentity("convert-inbox-cron").WithCronSchedule(cron));
            });
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return builder.Build();
    }

    /// <summary>
    /// Binds and validates every section, so a configuration error is reported once and clearly, before anything
    /// starts. Returns the problems, empty when the configuration is valid.
    /// </summary>
    public static IReadOnlyList<string> ConfigurationErrors(IHost host)
    {
        // Unknown names and unreadable values first: binding them would only add the same problem in .NET's words.
        if (host.Services.GetRequiredService<SettingsReview>().Errors is { Count: > 0 } mistakes)
        {
            return mistakes;
        }

        var errors = new List<string>();
        Check(() => host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value, errors);
        Check(() => host.Services.GetRequiredService<IOptions<StorageOptions>>().Value, errors);
        Check(() => host.Services.GetRequiredService<IOptions<ScheduleOptions>>().Value, errors);
        Check(() => host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value, errors);
        Check(() => host.Services.GetRequiredService<IOptions<OcrOptions>>().Value, errors);
        return errors;
    }

    /// <summary>One line with everything an operator needs to know the worker is looking where they think it is.</summary>
    public static void LogStart(IHost host, bool once)
    {
        var pipeline = host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var cron = host.Services.GetRequiredService<IOptions<ScheduleOptions>>().Value.Cron;
        var node = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.NodeId;
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkerHost).FullName!);
        LogStarting(logger, Path.GetFullPath(pipeline.Inbox), Path.GetFullPath(pipeline.Output), Path.GetFullPath(pipeline.Archive), Path.GetFullPath(pipeline.Failed),
            pipeline.KeepInputs, string.Join(',', pipeline.FormatList), StorageOptions.Describe(storage), pipeline.Parallelism, once ? "once" : $"'{cron}'", node);
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Information,
        Message = "Starting: inbox={Inbox} output={Output} archive={Archive} failed={Failed} keepInputs={KeepInputs} formats={Formats} ledger={Ledger} parallelism={Parallelism} schedule={Schedule} node={Node}")]
    private static partial void LogStarting(ILogger logger, string inbox, string output, string archive, string failed, bool keepInputs, string formats, string ledger,
        int parallelism, string schedule, string node);

    private static StorageOptions Bind(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        new() { Provider = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] ?? StorageOptions.Sqlite };

    private static void Check(Func<object> bind, List<string> errors)
    {
        try
        {
            bind();
        }
        catch (OptionsValidationException ex)
        {
            errors.AddRange(ex.Failures);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's "Failed to convert configuration value 'many' at 'Pipeline:Parallelism' to type 'System.Int32'".
            errors.Add(ex.Message);
        }
    }
}

/// <summary>Creates or upgrades the ledger schema before anything else starts.</summary>
internal sealed class LedgerMigration(ILedger ledger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ledger.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
