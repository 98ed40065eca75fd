using System.CommandLine;
using LetterPipeline.Storage;
using LetterPipeline.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace LetterPipeline.Commands;

/// <summary><c>letterpipe retry [FILE…|--all-failed]</c>: quarantined letters back into the inbox, their failure forgotten.</summary>
internal static class RetryCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Quarantined letters: a file in the failed folder, or the name the ledger records (2023/brief.pdf, brief.pdf, brief).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var all = new Option<bool>("--all-failed") { Description = "Every quarantined letter, and every PDF in the failed folder." };
        var command = new Command("retry",
            "Give quarantined letters another chance: forget their failure in the ledger, move their inputs back from the failed folder into the inbox and delete their error files; the next pass converts them as new. Exit 0: done; 1: usage error, or a FILE that is not quarantined. Settings as for 'run'.")
        {
            files,
            all,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            var (names, settings) = LedgerSelection.Split(result, files, Console.Error);
            if (settings is null)
            {
                return 1;
            }

            // Either the files or --all-failed: neither says nothing to do, both say two different things.
            if (names.Length > 0 == result.GetValue(all))
            {
                await Console.Error.WriteLineAsync("letterpipe retry: name the quarantined files to retry, or give --all-failed (not both).");
                return 1;
            }

            return await RunAsync(names, result.GetValue(all), settings, Console.Out, Console.Error, ct);
        });
        return SettingsHelp.Register(command);
    }

    private static async Task<int> RunAsync(string[] names, bool all, string[] settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var host = WorkerHost.Build(settings, scheduled: false);
        if (WorkerHost.ConfigurationErrors(host) is { Count: > 0 } errors)
        {
            CommandSettings.WriteErrors(errors, error);
            return 1;
        }

        var ledger = host.Services.GetRequiredService<ILedger>();
        var release = host.Services.GetRequiredService<QuarantineRelease>();
        await ledger.MigrateAsync(cancellationToken);
        var failed = await ledger.ListAsync(DocumentStatus.Failed, cancellationToken);
        var exit = 0;
        var targets = new List<LedgerEntry>();
        var strays = new List<string>();
        if (all)
        {
            targets.AddRange(failed);
        }

        foreach (var name in names)
        {
            var matches = LedgerSelection.Match(failed, name);
            if (matches.Count > 0)
            {
                targets.AddRange(matches);
            }
            else if (File.Exists(name) && release.IsQuarantined(name))
            {
                strays.Add(name);
            }
            else
            {
                await error.WriteLineAsync($"letterpipe retry: {name}: not a quarantined letter ('letterpipe status' lists them).");
                exit = 1;
            }
        }

        foreach (var entry in targets.DistinctBy(t => t.Key))
        {
            var released = await release.ReleaseAsync(entry, cancellationToken);
            var where = (released.Inputs.Count, released.InInbox.Count) switch
            {
                ( > 0, _) => $"back in the inbox as {string.Join(", ", released.Inputs)}",
                (0, > 0) => $"failure forgotten; its input {string.Join(", ", released.InInbox)} is in the inbox",
                _ => "failure forgotten; its input is in neither the failed folder nor the inbox: deliver it again",
            };
            await output.WriteLineAsync($"{entry.File}: {where} (was {entry.Code}: {entry.Message})");
        }

        if (all)
        {
            // PDFs in the failed folder whose rows are gone (a retry cut short): back as well.
            var folder = Path.GetFullPath(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PipelineOptions>>().Value.Failed);
            strays.AddRange(Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(f).StartsWith('.'))
                : []);
        }

        var files = strays.Where(File.Exists).Distinct(StringComparer.Ordinal).ToList();
        foreach (var stray in files)
        {
            await output.WriteLineAsync($"{stray}: back in the inbox as {await release.ReleaseFileAsync(stray, cancellationToken)}");
        }

        var count = targets.DistinctBy(t => t.Key).Count() + files.Count;
        await output.WriteLineAsync($"{count} {(count == 1 ? "letter" : "letters")} to be converted again on the next pass");
        return exit;
    }
}
