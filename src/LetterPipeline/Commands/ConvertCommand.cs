using System.Collections.Concurrent;
using System.CommandLine;
using LetterPipeline.Core;
using LetterPipeline.Core.Writing;
using LetterPipeline.Isolation;
using LetterPipeline.Worker;
using LetterPipeline.Tracking;

namespace LetterPipeline.Commands;

/// <summary><c>letterpipe convert &lt;file-or-folder&gt;... --out &lt;dir&gt;</c>.</summary>
internal static class ConvertCommand
{
    private const int DefaultMemoryLimitMb = 1024;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "PDF files or folders (searched recursively for *.pdf).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Output folder; one <stem>.<format> per PDF and format, <stem>.error.json per failure.",
            Required = true,
        };
        var parallelism = CommandOptions.Parallelism("Documents converted at once, each in its own process.");
        var timeout = CommandOptions.Bounded("--timeout", "Seconds one document may take before it fails with code 'timeout'.", 60, 1, 3600, unit: "seconds");
        var format = CommandOptions.Formats("Comma-separated output formats: json, docx.");
        var followFileLinks = new Option<bool>("--follow-file-links")
        {
            Description = "In folders, also convert symbolic links to files inside the same folder (links to folders are never followed).",
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every letter's warnings (page, code, message) and quality flags." };
        var record = new Option<bool>("--record")
        {
            Description = "Also record each converted letter in the reference store (as the worker does; needs json among the formats). The store is configured as for 'run': appsettings.json, Storage__ConnectionString, or --Storage:ConnectionString=… among the arguments.",
        };
        var command = new Command("convert", "Convert PDF letters to JSON and Word. Exit 0: all converted; 2: some failed; 1: usage error; 130: interrupted.")
        {
            inputs,
            output,
            format,
            parallelism,
            timeout,
            followFileLinks,
            verbose,
            record,
        };
        command.SetAction((result, cancellationToken) =>
        {
            // With --record, "--Storage:ConnectionString=…" names the store, as after 'refs' commands; it is no input.
            var settings = result.GetValue(record) ? result.GetValue(inputs)!.Where(IsSetting).ToArray() : [];
            var files = result.GetValue(inputs)!.Except(settings).ToArray();
            // "--outt" before --out lands among the inputs: a mistyped option, not a missing file.
            if (files.FirstOrDefault(i => i.StartsWith("--", StringComparison.Ordinal) && !File.Exists(i)) is { } stray)
            {
                return Task.FromResult(UsageErrors.Report(stray, command));
            }

            string[]? storeSettings = null;
            if (result.GetValue(record) && (storeSettings = CommandSettings.Read(result, settings, Console.Error)) is null)
            {
                return Task.FromResult(1);
            }

            return RunAsync(files, result.GetValue(output)!, result.GetValue(followFileLinks),
                new ConversionPoolOptions(result.GetValue(parallelism), TimeSpan.FromSeconds(result.GetValue(timeout)), DefaultMemoryLimitMb,
                    OutputFormats.Parse(result.GetValue(format)!, out _), FileDurability.CallerSyncs),
                result.GetValue(verbose),
                storeSettings,
                cancellationToken);
        });
        return command;
    }

    private static bool IsSetting(string token) => token.StartsWith("--", StringComparison.Ordinal) && token.Contains(':', StringComparison.Ordinal);

    private static async Task<int> RunAsync(string[] inputs, string outDir, bool followFileLinks, ConversionPoolOptions options, bool verbose, string[]? storeSettings,
        CancellationToken cancellationToken)
    {
        if (OcrSettings.Load(out var ocrProblems) is not { } ocr)
        {
            foreach (var ocrProblem in ocrProblems)
            {
                await Console.Error.WriteLineAsync($"letterpipe: {ocrProblem}");
            }

            return 1;
        }

        options = options with { Ocr = ocr };
        var expanded = InputFiles.Expand(inputs, outDir, out var missing, followFileLinks,
            link => Console.Error.WriteLine($"letterpipe: skipped {LogText.Escape(link.Path)}: {link.Reason}"));
        foreach (var path in missing)
        {
            await Console.Error.WriteLineAsync($"letterpipe: no such file or folder: {LogText.Escape(path)}");
        }

        if (missing.Count > 0)
        {
            return 1;
        }

        if (OutputFolderProblem(outDir) is { } problem)
        {
            await Console.Error.WriteLineAsync($"letterpipe: cannot write to --out {LogText.Escape(outDir)}: {problem}");
            return 1;
        }

        using var store = storeSettings is null ? null : await StoreAccess.OpenForWritingAsync(storeSettings, Console.Error, cancellationToken);
        if (storeSettings is not null && store is null)
        {
            return 1;
        }

        var recorder = store is null ? null : new LetterImport(store.Store, TimeProvider.System);
        var plan = OutputStems.Assign(expanded, Sha256OrPathHash, OutputStems.RecordedSha256);
        using var pool = new ConversionPool(options);
        using var interruption = new Interruption();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interruption.Stopping);
        using var abandoning = interruption.Abandoning.Register(pool.Dispose);
        var batch = new BatchJobs(plan.Jobs, options.Formats);
        var failures = new ConcurrentQueue<ConversionOutcome>();
        var converted = new ConcurrentQueue<ConversionOutcome>();
        var written = new ConcurrentQueue<string>();
        var progress = new BatchProgress(plan.Jobs.Count);
        await ProgressDisplay.ShowWhileAsync(progress, ConvertAllAsync(pool, batch, options.Size, failures, converted, written, progress, RecordTo(recorder, outDir),
            stopping.Token), "converting");

        // Reported after the progress display so the two do not interleave.
        foreach (var outcome in failures.OrderBy(f => f.Input, StringComparer.Ordinal))
        {
            await Console.Error.WriteLineAsync(LogText.Escape($"{outcome.Input}: {outcome.Code!.Value.ToCode()}: {outcome.Message}"));
        }

        foreach (var rename in plan.Renamed)
        {
            Console.WriteLine($"{rename.Input}: written as {Path.GetRelativePath(outDir, rename.OutputStem)}.* ({rename.Reason})");
        }

        foreach (var copy in plan.Identical)
        {
            Console.WriteLine($"{copy.Input}: same content as {copy.SameAs}, converted once");
        }

        if (verbose)
        {
            foreach (var outcome in converted.OrderBy(o => o.Input, StringComparer.Ordinal))
            {
                Console.WriteLine(LogText.Escape($"{outcome.Input}: {outcome.Warnings} warning(s), flags: {(outcome.Flags.Count == 0 ? "-" : string.Join(", ", outcome.Flags))}"));
                foreach (var warning in outcome.WarningList)
                {
                    Console.WriteLine(LogText.Escape($"  page {warning.Page}: {warning.Code}: {warning.Message}"));
                }
            }
        }

        var warnings = converted.Sum(o => o.Warnings);
        Console.WriteLine($"{batch.Finished - failures.Count} converted, {failures.Count} failed"
            + (warnings > 0 ? $"; {warnings} warnings in {converted.Count(o => o.Warnings > 0)} letters" : "")
            + (plan.Renamed.Count > 0 ? $", {plan.Renamed.Count} renamed to keep letters with the same name apart" : "")
            + (plan.Identical.Count > 0 ? $", {plan.Identical.Count} identical copies not converted again" : ""));
        if (interruption.Interrupted)
        {
            batch.RemoveAbandoned();
            await Console.Error.WriteLineAsync($"letterpipe: interrupted: {plan.Jobs.Count - batch.Finished} of {plan.Jobs.Count} files not converted");
            return Interruption.ExitCode;
        }

        return failures.IsEmpty ? 0 : 2;
    }

    /// <summary>Why nothing can be written under <paramref name="outDir"/>, or null when a file can be created there.</summary>
    private static string? OutputFolderProblem(string outDir)
    {
        try
        {
            if (File.Exists(outDir))
            {
                return "it is a file, not a folder.";
            }

            Directory.CreateDirectory(outDir);
            using (File.Create(Path.Combine(outDir, $".letterpipe-{Guid.NewGuid():N}.probe"), 1, FileOptions.DeleteOnClose))
            {
                // Created and deleted: the folder takes new files.
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ex.Message;
        }
    }

    // An input that cannot be read gets a name of its own, and fails with io-error when it is converted.
    private static string Sha256OrPathHash(string path)
    {
        try
        {
            return Worker.ContentHash.Sha256(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(path))));
        }
    }

    private static async Task ConvertAllAsync(
        ConversionPool pool,
        BatchJobs batch,
        int parallelism,
        ConcurrentQueue<ConversionOutcome> failures,
        ConcurrentQueue<ConversionOutcome> converted,
        ConcurrentQueue<string> written,
        BatchProgress progress,
        Func<ConversionOutcome, CancellationToken, Task>? record,
        CancellationToken cancellationToken)
    {
        try
        {
            await Parallel.ForEachAsync(batch.Jobs, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (job, ct) =>
            {
                var name = Path.GetFileName(job.Input);
                progress.Started(name);
                batch.Started(job);
                ConversionOutcome outcome;
                try
                {
                    outcome = job.NameProblem is { } problem
                        ? ConversionOutcome.Failure(job.Input, FailureCode.IoError, problem, "name", 0)
                        : await pool.ConvertAsync(job.Input, job.OutputStem, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Interrupted: not started (no free child yet), or abandoned by a second signal.
                    return;
                }
                catch (ObjectDisposedException) when (ct.IsCancellationRequested)
                {
                    return;
                }

                batch.Done(job);
                foreach (var output in outcome.Outputs)
                {
                    written.Enqueue(output);
                }

                if (outcome.Succeeded)
                {
                    converted.Enqueue(outcome);
                    if (record is not null)
                    {
                        await record(outcome, ct);
                    }
                }
                else
                {
                    // A .json finished before the .docx ran out of space or time stands for no letter.
                    if (job.NameProblem is null)
                    {
                        OutputFiles.RemoveAll(job.OutputStem);
                    }

                    failures.Enqueue(outcome);
                    WriteErrorFile(job, outcome);
                }

                progress.Finished(name, outcome.Succeeded);
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted: the files not started are reported by the caller.
        }
        finally
        {
            // The children wrote without a flush per file (nothing here moves or records an input): the batch,
            // also one cut short by Ctrl-C, is on disk before the command reports it.
            FileSystemSync.Flush(written);
        }
    }

    /// <summary>Records a converted letter's JSON in the reference store (<c>--record</c>); a letter that cannot be recorded is reported and the batch goes on.</summary>
    private static Func<ConversionOutcome, CancellationToken, Task>? RecordTo(LetterImport? recorder, string outDir) => recorder is null ? null : async (outcome, ct) =>
    {
        if (outcome.Outputs.FirstOrDefault(o => o.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) is not { } json)
        {
            await Console.Error.WriteLineAsync($"{outcome.Input}: not recorded: --record reads the json output, and --format writes none");
            return;
        }

        try
        {
            await recorder.RecordAsync(outDir, json, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"{outcome.Input}: not recorded: {ex.Message}");
        }
    };

    /// <summary>An error file that cannot be written is that input's problem, reported with its failure; the batch goes on.</summary>
    private static void WriteErrorFile(ConversionJob job, ConversionOutcome outcome)
    {
        try
        {
            ErrorFile.Write(job.OutputStem + ".error.json", outcome, attempts: 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The disk that refused the output may refuse this too: the failure is still reported on stderr.
            Console.Error.WriteLine(LogText.Escape($"{job.Input}: the error file could not be written either: {ex.Message}"));
        }
    }
}
