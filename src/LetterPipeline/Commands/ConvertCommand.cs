using System.Collections.Concurrent;
using System.CommandLine;
using LetterPipeline.Core;
using LetterPipeline.Core.Writing;
using LetterPipeline.Isolation;
using LetterPipeline.Worker;
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
        var command = new Command("convert", "Convert PDF letters to JSON and Word. Exit 0: all converted; 2: some failed; 1: usage error.")
        {
            inputs,
            output,
            format,
            parallelism,
            timeout,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(inputs)!,
            result.GetValue(output)!,
            new ConversionPoolOptions(result.GetValue(parallelism), TimeSpan.FromSeconds(result.GetValue(timeout)), DefaultMemoryLimitMb,
                OutputFormats.Parse(result.GetValue(format)!, out _), FileDurability.CallerSyncs),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, string outDir, ConversionPoolOptions options, CancellationToken cancellationToken)
    {
        if (OcrSettings.Load(out var problems) is not { } ocr)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"letterpipe: {problem}");
            }

            return 1;
        }

        options = options with { Ocr = ocr };
        var jobs = InputFiles.Expand(inputs, outDir, out var missing);
        foreach (var path in missing)
        {
            await Console.Error.WriteLineAsync($"letterpipe: no such file or folder: {path}");
        }

        if (missing.Count > 0)
        {
            return 1;
        }

        using var pool = new ConversionPool(options);
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
                    await ConvertAllAsync(pool, jobs, options.Size, failures, written, () => task.Increment(1), cancellationToken);
                });
        }
        else
        {
            await ConvertAllAsync(pool, jobs, options.Size, failures, written, () => { }, cancellationToken);
        }

        // Reported after the progress display so the two do not interleave.
        foreach (var outcome in failures.OrderBy(f => f.Input, StringComparer.Ordinal))
        {
            await Console.Error.WriteLineAsync($"{outcome.Input}: {outcome.Code!.Value.ToCode()}: {outcome.Message}");
        }

        Console.WriteLine($"{jobs.Count - failures.Count} converted, {failures.Count} failed");
        return failures.IsEmpty ? 0 : 2;
    }

    private static async Task ConvertAllAsync(
        ConversionPool pool,
        IReadOnlyList<ConversionJob> jobs,
        int parallelism,
        ConcurrentQueue<ConversionOutcome> failures,
        ConcurrentQueue<string> written,
        Action progressed,
        CancellationToken cancellationToken)
    {
        try
        {
            await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (job, ct) =>
            {
                var outcome = await pool.ConvertAsync(job.Input, job.OutputStem, ct);
                foreach (var output in outcome.Outputs)
                {
                    written.Enqueue(output);
                }

                if (!outcome.Succeeded)
                {
                    failures.Enqueue(outcome);
                    ErrorFile.Write(job.OutputStem + ".error.json", outcome, attempts: 1);
                }

                progressed();
            });
        }
        finally
        {
            // The children wrote without a flush per file (nothing here moves or records an input): the batch,
            // also one cut short by Ctrl-C, is on disk before the command reports it.
            FileSystemSync.Flush(written);
        }
    }
}
