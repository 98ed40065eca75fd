using System.Collections.Concurrent;
using System.CommandLine;
using LetterPipeline.Core;
using LetterPipeline.Core.Writing;
using LetterPipeline.Isolation;
using Spectre.Console;

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
        var command = new Command("convert", "Convert PDF letters to JSON and Word. Exit 0: all converted; 2: some failed; 1: usage error; 130: interrupted.")
        {
            inputs,
            output,
            format,
            parallelism,
            timeout,
            followFileLinks,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(inputs)!,
            result.GetValue(output)!,
            result.GetValue(followFileLinks),
            new ConversionPoolOptions(result.GetValue(parallelism), TimeSpan.FromSeconds(result.GetValue(timeout)), DefaultMemoryLimitMb,
                OutputFormats.Parse(result.GetValue(format)!, out _), FileDurability.CallerSyncs),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, string outDir, bool followFileLinks, ConversionPoolOptions options, CancellationToken cancellationToken)
    {
        var jobs = InputFiles.Expand(inputs, outDir, out var missing, followFileLinks,
            link => Console.Error.WriteLine($"letterpipe: skipped {LogText.Escape(link.Path)}: {link.Reason}"));
        foreach (var path in missing)
        {
            await Console.Error.WriteLineAsync($"letterpipe: no such file or folder: {LogText.Escape(path)}");
        }

        if (missing.Count > 0)
        {
            return 1;
        }

        using var pool = new ConversionPool(options);
        using var interruption = new Interruption();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interruption.Stopping);
        using var abandoning = interruption.Abandoning.Register(pool.Dispose);
        var batch = new BatchProgress(jobs, options.Formats);
        var failures = new ConcurrentQueue<ConversionOutcome>();
        var written = new ConcurrentQueue<string>();
        var showProgress = jobs.Count > 1 && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (showProgress)
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Converting", maxValue: jobs.Count);
                    await ConvertAllAsync(pool, batch, options.Size, failures, written, () => task.Increment(1), stopping.Token);
                });
        }
        else
        {
            await ConvertAllAsync(pool, batch, options.Size, failures, written, () => { }, stopping.Token);
        }

        // Reported after the progress display so the two do not interleave.
        foreach (var outcome in failures.OrderBy(f => f.Input, StringComparer.Ordinal))
        {
            await Console.Error.WriteLineAsync(LogText.Escape($"{outcome.Input}: {outcome.Code!.Value.ToCode()}: {outcome.Message}"));
        }

        Console.WriteLine($"{batch.Finished - failures.Count} converted, {failures.Count} failed");
        if (interruption.Interrupted)
        {
            batch.RemoveAbandoned();
            await Console.Error.WriteLineAsync($"letterpipe: interrupted: {jobs.Count - batch.Finished} of {jobs.Count} files not converted");
            return Interruption.ExitCode;
        }

        return failures.IsEmpty ? 0 : 2;
    }

    private static async Task ConvertAllAsync(
        ConversionPool pool,
        BatchProgress batch,
        int parallelism,
        ConcurrentQueue<ConversionOutcome> failures,
        ConcurrentQueue<string> written,
        Action progressed,
        CancellationToken cancellationToken)
    {
        try
        {
            await Parallel.ForEachAsync(batch.Jobs, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (job, ct) =>
            {
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

                if (!outcome.Succeeded)
                {
                    failures.Enqueue(outcome);
                    WriteErrorFile(job, outcome);
                }

                progressed();
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

    /// <summary>An error file that cannot be written is that input's problem, reported with its failure; the batch goes on.</summary>
    private static void WriteErrorFile(ConversionJob job, ConversionOutcome outcome)
    {
        try
        {
            ErrorFile.Write(job.OutputStem + ".error.json", outcome, attempts: 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(LogText.Escape($"{job.Input}: its error file could not be written: {ex.Message}"));
        }
    }
}
