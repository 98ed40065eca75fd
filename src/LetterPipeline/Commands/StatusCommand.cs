using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;
using LetterPipeline.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LetterPipeline.Commands;

/// <summary>
/// <c>letterpipe status [--format table|json]</c>: what the workers sharing this ledger have done, in total and per
/// node, which nodes are alive, and the files that are not converted, from the same configuration as
/// <c>letterpipe run</c>.
/// </summary>
internal static class StatusCommand
{
    private static readonly StoreWording LedgerWording = new("ledger", "start workers with 'letterpipe run' first", "read the ledger");

    public static Command Create()
    {
        var format = new Option<string>("--format", "-f") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("status", "Show the documents processed, failed and in progress, the failed files with their code and message, and the worker nodes: alive or not, what each did, when it was last seen. Settings as for 'run'.")
        {
            format,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            if (CommandSettings.Read(result, Console.Error) is not { } settings)
            {
                return 1;
            }

            var status = await ReadAsync(settings, Console.Error, ct);
            if (status is null)
            {
                return 1;
            }

            Write(Console.Out, status, result.GetValue(format) == "json");
            return 0;
        });
        return SettingsHelp.Register(command, StorageOptions.SectionName, ClusterOptions.SectionName);
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
            // A node beats three times per lease time: one not heard from for a whole lease time is gone.
            var leaseTime = TimeSpan.TryParse(services.GetRequiredService<IConfiguration>()[$"{ClusterOptions.SectionName}:{nameof(ClusterOptions.LeaseTime)}"],
                CultureInfo.InvariantCulture, out var configured) ? configured : new ClusterOptions().LeaseTime;
            status = await cluster.StatusAsync(TimeProvider.System.GetUtcNow(), leaseTime, ct);
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

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{status.Processed} processed, {status.Failed} failed, {status.InProgress} in progress ({status.Retrying.Count} waiting to be retried); {status.NodesAlive} {(status.NodesAlive == 1 ? "node" : "nodes")} alive"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{status.Warnings} warnings in {status.WithWarnings} converted letters"));
        output.WriteLine();
        var rows = status.ByNode.Select(n => (IReadOnlyList<object?>)[n.Key, n.Value.Alive ? "alive" : "gone", n.Value.Processed, n.Value.Failed, LastSeen(n.Value.LastSeen)]).ToList();
        var tables = new List<ResultTable>
        {
            new("Nodes", [new Column("node", "Node"), new Column("state", "State"), new Column("processed", "Processed", Numeric: true), new Column("failed", "Failed", Numeric: true),
                new Column("lastSeen", "Last seen (UTC)")], rows),
        };
        if (status.FailedFiles.Count > 0)
        {
            tables.Add(Problems("Failed (quarantined; 'letterpipe retry FILE' or --all-failed to try again)", status.FailedFiles));
        }

        if (status.Retrying.Count > 0)
        {
            tables.Add(Problems("Waiting to be retried (failed for a reason outside the letter)", status.Retrying));
        }

        ResultWriter.Write(output, OutputFormat.Table, tables);
    }

    /// <summary>
    /// <c>{processed, failed, inProgress, nodesAlive, warnings, withWarnings, byNode: {node: {alive, processed, failed, lastSeen}},
    /// failedFiles: [{file, code, message, time}], retrying: [...]}</c>.
    /// </summary>
    internal static string Json(ClusterStatus status)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("processed", status.Processed);
            writer.WriteNumber("failed", status.Failed);
            writer.WriteNumber("inProgress", status.InProgress);
            writer.WriteNumber("nodesAlive", status.NodesAlive);
            writer.WriteNumber("warnings", status.Warnings);
            writer.WriteNumber("withWarnings", status.WithWarnings);
            writer.WriteStartObject("byNode");
            foreach (var (node, work) in status.ByNode)
            {
                writer.WriteStartObject(node);
                writer.WriteBoolean("alive", work.Alive);
                writer.WriteNumber("processed", work.Processed);
                writer.WriteNumber("failed", work.Failed);
                writer.WriteString("lastSeen", LastSeen(work.LastSeen));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            WriteProblems(writer, "failedFiles", status.FailedFiles);
            WriteProblems(writer, "retrying", status.Retrying);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ResultTable Problems(string title, IReadOnlyList<DocumentProblem> problems) =>
        new(title, [new Column("file", "File"), new Column("code", "Code"), new Column("message", "Message"), new Column("time", "Since (UTC)")],
            [.. problems.Select(p => (IReadOnlyList<object?>)[p.File, p.Code, p.Message, LastSeen(p.Time)])]);

    private static void WriteProblems(Utf8JsonWriter writer, string name, IReadOnlyList<DocumentProblem> problems)
    {
        writer.WriteStartArray(name);
        foreach (var problem in problems)
        {
            writer.WriteStartObject();
            writer.WriteString("file", problem.File);
            writer.WriteString("code", problem.Code);
            writer.WriteString("message", problem.Message);
            writer.WriteString("time", LastSeen(problem.Time));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string? LastSeen(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
