using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Commands;

/// <summary>
/// <c>letterpipe status [--format table|json]</c>: what the workers sharing this ledger have done, in total and per
/// node, from the same configuration as <c>letterpipe run</c>.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("status", "Show the documents processed, failed and in progress, and what each worker node did and when it was last seen. Settings as for 'run'.")
        {
            format,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            var status = await ReadAsync([.. result.UnmatchedTokens], Console.Error, ct);
            if (status is null)
            {
                return 1;
            }

            Write(Console.Out, status, result.GetValue(format) == "json");
            return 0;
        });
        return command;
    }

    /// <summary>The cluster's status, or null with the reason written to <paramref name="error"/>.</summary>
    internal static async Task<ClusterStatus?> ReadAsync(string[] configuration, TextWriter error, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configuration, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageProviderValidator>();
        builder.Services.AddSingleton<ILedger>(provider => StorageOptions.IsPostgres(provider.GetRequiredService<IOptions<StorageOptions>>().Value)
            ? ActivatorUtilities.CreateInstance<PostgresLedger>(provider)
            : ActivatorUtilities.CreateInstance<SqliteLedger>(provider));
        builder.Services.AddClusterStore(heartbeat: false);
        builder.Services.AddReferenceStore(migrateOnStart: false);
        using var host = builder.Build();
        try
        {
            var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (!StorageOptions.IsPostgres(options)
                && new SqliteConnectionStringBuilder(options.ConnectionString).DataSource is { Length: > 0 } file
                && file != ":memory:" && !File.Exists(file))
            {
                // A status query must not leave an empty ledger behind a mistyped path.
                await error.WriteLineAsync($"letterpipe: no ledger at {Path.GetFullPath(file)}; start workers with 'letterpipe run' first, or set --Storage:ConnectionString=…");
                return null;
            }

            // Every schema of the database, so that running 'status' once before the first nodes start provisions it
            // (Quartz's tables included); each migration only adds what is missing.
            await host.Services.GetRequiredService<ILedger>().MigrateAsync(cancellationToken);
            await host.Services.GetRequiredService<IReferenceStore>().MigrateAsync(cancellationToken);
            var cluster = host.Services.GetRequiredService<IClusterStore>();
            await cluster.MigrateAsync(cancellationToken);
            return await cluster.StatusAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or SqliteException or Npgsql.NpgsqlException or IOException or ArgumentException)
        {
            await error.WriteLineAsync($"letterpipe: cannot read the ledger: {ex.Message}");
            return null;
        }
    }

    internal static void Write(TextWriter output, ClusterStatus status, bool json)
    {
        if (json)
        {
            output.WriteLine(Json(status));
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{status.Processed} processed, {status.Failed} failed, {status.InProgress} in progress"));
        output.WriteLine();
        var rows = status.ByNode.Select(n => (IReadOnlyList<object?>)[n.Key, n.Value.Processed, n.Value.Failed, LastSeen(n.Value.LastSeen)]).ToList();
        ResultWriter.Write(output, OutputFormat.Table,
            [new ResultTable("Nodes", [new Column("node", "Node"), new Column("processed", "Processed", Numeric: true), new Column("failed", "Failed", Numeric: true),
                new Column("lastSeen", "Last seen (UTC)")], rows)]);
    }

    /// <summary><c>{processed, failed, inProgress, byNode: {node: {processed, failed, lastSeen}}}</c>.</summary>
    internal static string Json(ClusterStatus status)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("processed", status.Processed);
            writer.WriteNumber("failed", status.Failed);
            writer.WriteNumber("inProgress", status.InProgress);
            writer.WriteStartObject("byNode");
            foreach (var (node, work) in status.ByNode)
            {
                writer.WriteStartObject(node);
                writer.WriteNumber("processed", work.Processed);
                writer.WriteNumber("failed", work.Failed);
                writer.WriteString("lastSeen", LastSeen(work.LastSeen));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? LastSeen(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
