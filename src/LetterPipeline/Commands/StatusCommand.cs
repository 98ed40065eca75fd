using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace LetterPipeline.Commands;

/// <summary>
/// <c>letterpipe status [--format table|json]</c>: what the workers sharing this ledger have done, in total and per
/// node, from the same configuration as <c>letterpipe run</c>.
/// </summary>
internal static class StatusCommand
{
    private static readonly StoreWording LedgerWording = new("ledger", "start workers with 'letterpipe run' first", "read the ledger");

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
        ClusterStatus? status = null;
        using var access = await StoreAccess.OpenAsync(configuration, error, LedgerWording, async (services, ct) =>
        {
            // Every schema of the database, so that running 'status' once before the first nodes start provisions it
            // (Quartz's tables included); each migration only adds what is missing.
            await services.GetRequiredService<ILedger>().MigrateAsync(ct);
            await services.GetRequiredService<IReferenceStore>().MigrateAsync(ct);
            var cluster = services.GetRequiredService<IClusterStore>();
            await cluster.MigrateAsync(ct);
            status = await cluster.StatusAsync(ct);
        }, cancellationToken);
        return access is null ? null : status;
    }

    internal static void Write(TextWriter output, ClusterStatus status, bool json)
    {
        if (json)
        {
            output.WriteLine(Json(status));
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{status.Processed} processed, {status.Failed} failed, {status.InProgress} in progress"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{status.Warnings} warnings in {status.WithWarnings} converted letters"));
        output.WriteLine();
        var rows = status.ByNode.Select(n => (IReadOnlyList<object?>)[n.Key, n.Value.Processed, n.Value.Failed, LastSeen(n.Value.LastSeen)]).ToList();
        ResultWriter.Write(output, OutputFormat.Table,
            [new ResultTable("Nodes", [new Column("node", "Node"), new Column("processed", "Processed", Numeric: true), new Column("failed", "Failed", Numeric: true),
                new Column("lastSeen", "Last seen (UTC)")], rows)]);
    }

    /// <summary><c>{processed, failed, inProgress, warnings, withWarnings, byNode: {node: {processed, failed, lastSeen}}}</c>.</summary>
    internal static string Json(ClusterStatus status)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("processed", status.Processed);
            writer.WriteNumber("failed", status.Failed);
            writer.WriteNumber("inProgress", status.InProgress);
            writer.WriteNumber("warnings", status.Warnings);
            writer.WriteNumber("withWarnings", status.WithWarnings);
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
