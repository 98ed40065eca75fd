using System.Collections.Concurrent;
using System.CommandLine;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;
using LetterPipeline.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace LetterPipeline.Commands;

/// <summary><c>letterpipe reconvert [--since DATE|FILE…]</c>: converted letters' outputs written again from their inputs.</summary>
internal static class ReconvertCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Converted letters: an input file, or the name the ledger records (2023/brief.pdf, brief.pdf, brief). Without files and --since: every converted letter.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var since = new Option<DateOnly?>("--since")
        {
            Description = "Only letters converted on or after this day (UTC): 2023-05-14, or 2023-05 and 2023 for the month's or year's first day.",
            CustomParser = result => DateArgument.Parse(result, "--since"),
        };
        var command = new Command("reconvert",
            "Write converted letters' outputs again from their inputs (in the inbox or the archive) into the current Pipeline:Output and Pipeline:Formats, under the names the ledger gave them, recorded in the same ledger rows. Exit 0: all rebuilt; 2: some could not be; 1: usage error. Settings as for 'run'.")
        {
            files,
            since,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            var (names, settings) = LedgerSelection.Split(result, files, Console.Error);
            if (settings is null)
            {
                return 1;
            }

            if (names.Length > 0 && result.GetValue(since) is not null)
            {
                await Console.Error.WriteLineAsync("letterpipe reconvert: give files or --since, not both.");
                return 1;
            }

            return await RunAsync(names, result.GetValue(since), settings, Console.Out, Console.Error, ct);
        });
        return SettingsHelp.Register(command);
    }

    private static async Task<int> RunAsync(string[] names, DateOnly? since, string[] settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var host = WorkerHost.Build(settings, scheduled: false);
        if (WorkerHost.ConfigurationErrors(host) is { Count: > 0 } errors)
        {
            CommandSettings.WriteErrors(errors, error);
            return 1;
        }

        var services = host.Services;
        var ledger = services.GetRequiredService<ILedger>();
        await ledger.MigrateAsync(cancellationToken);
        await services.GetRequiredService<IClusterStore>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<IReferenceStore>().MigrateAsync(cancellationToken);

        // One row per letter: its current pipeline version's, else its latest.
        var converted = (await ledger.ListAsync(DocumentStatus.Converted, cancellationToken))
            .GroupBy(r => r.Key.Sha256, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(r => r.Key.PipelineVersion == PipelineVersion.Current).ThenByDescending(r => r.CompletedAt).First())
            .ToList();
        var exit = 0;
        var targets = new List<LedgerEntry>();
        foreach (var name in names)
        {
            var matches = LedgerSelection.Match(converted, name);
            if (matches.Count == 0)
            {
                await error.WriteLineAsync($"letterpipe reconvert: {name}: no converted letter of that name or content in the ledger.");
                exit = 1;
            }

            targets.AddRange(matches);
        }

        if (names.Length == 0)
        {
            var from = since is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;
            targets.AddRange(converted.Where(r => r.CompletedAt >= from));
        }

        var letters = targets.DistinctBy(t => t.Key).ToList();
        var rebuild = services.GetRequiredService<OutputRebuild>();
        var parallelism = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PipelineOptions>>().Value.Parallelism;
        var results = new ConcurrentQueue<Rebuild>();
        var progress = new BatchProgress(letters.Count);
        var work = Parallel.ForEachAsync(letters, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                progress.Started(entry.File);
                var done = await rebuild.RebuildAsync(entry, ct);
                results.Enqueue(done);
                progress.Finished(entry.File, done.Result == RebuildResult.Rebuilt);
            });
        await ProgressDisplay.ShowWhileAsync(progress, work, "reconverting");

        foreach (var done in results.OrderBy(r => r.Entry.File, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"{done.Entry.File}: {Describe(done)}");
        }

        var rebuilt = results.Count(r => r.Result == RebuildResult.Rebuilt);
        await output.WriteLineAsync($"{rebuilt} rebuilt, {results.Count - rebuilt} not");
        return exit != 0 ? exit : rebuilt == results.Count ? 0 : 2;
    }

    private static string Describe(Rebuild done) => done.Result switch
    {
        RebuildResult.Rebuilt => "rebuilt",
        RebuildResult.InputMissing => "not rebuilt: its input is in neither the inbox nor the archive",
        RebuildResult.Busy => "not rebuilt: a worker is converting it right now; try again later",
        RebuildResult.Failed => $"failed: {done.Code}: {done.Message} (recorded as failed)",
        _ => $"not rebuilt: {done.Code}: {done.Message} (a reason outside the letter; nothing recorded)",
    };
}
