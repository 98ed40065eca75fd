using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LetterPipeline.Core;

namespace LetterPipeline.Commands;

/// <summary>
/// <c>letterpipe bench &lt;folder&gt; [--parallelism N] [--repeat N]</c>: pages per second, time and allocations per
/// stage, and peak memory, converting in this process on one thread and then on N; then the cost of process
/// isolation, the same batch written to files in this process and in N child processes.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Folder searched recursively for *.pdf." };
        var parallelism = CommandOptions.Parallelism("Threads for the parallel pass.");
        var repeat = CommandOptions.Bounded("--repeat", "Times every file is converted in each pass.", 1, 1, 10_000);
        var format = CommandOptions.Formats("Comma-separated output formats written (to memory): json, docx.");
        var command = new Command("bench", "Measure conversion speed and memory in this process, one thread and then --parallelism threads (outputs to memory), then what process isolation costs (files written in this process, then in child processes). Exit 1: usage error.")
        {
            folder,
            parallelism,
            repeat,
            format,
        };
        command.SetAction(result => RunAsync(
            result.GetValue(folder)!,
            result.GetValue(parallelism),
            result.GetValue(repeat),
            OutputFormats.Parse(result.GetValue(format)!, out _)));
        return command;
    }

    private static async Task<int> RunAsync(string folder, int parallelism, int repeat, IReadOnlyList<string> formats)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"letterpipe: no such folder: {folder}");
            return 1;
        }

        var pdfs = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (pdfs.Length == 0)
        {
            Console.Error.WriteLine($"letterpipe: no *.pdf in {folder}");
            return 1;
        }

        var files = Enumerable.Repeat(pdfs, repeat).SelectMany(f => f).ToArray();
        var runner = new BenchRunner(formats);
        var first = runner.First(pdfs[0]);
        var single = runner.Run(files, 1);
        var parallel = parallelism > 1 ? runner.Run(files, parallelism) : null;
        IsolationPass inProcess, children;
        using (var isolation = new IsolationBench(formats, parallelism))
        {
            inProcess = isolation.InProcess(files);
            children = await isolation.ChildProcessesAsync(files);
        }

        using var self = Process.GetCurrentProcess();
        var w = Console.Out;
        w.WriteLine(Invariant($"{files.Length} documents ({pdfs.Length} files x {repeat}), formats {string.Join('+', formats)}, {Environment.ProcessorCount} cores"));
        w.WriteLine(Invariant($"first document (JIT, word list): {first.TotalMilliseconds:F0} ms"));
        w.WriteLine();
        w.WriteLine("| pass | threads | pages | failed | wall s | CPU s | pages/s | allocated MB | KB/page | gen0 | gen2 |");
        w.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        WritePass(w, "single-core", single);
        if (parallel is not null)
        {
            WritePass(w, "parallel", parallel);
        }

        if (single.OcrPages > 0)
        {
            // OCR takes seconds a page where a text layer takes milliseconds: its rate on a line of its own, and the
            // text-layer rate without the documents that needed it.
            var textPages = single.Pages - single.OcrPages;
            var textTime = single.Wall - single.OcrTime;
            w.WriteLine();
            w.WriteLine(Invariant($"OCR (single-core): {single.OcrPages} pages in {single.OcrTime.TotalSeconds:F1} s, {single.OcrPagesPerSecond:F2} pages/s; text layer: {textPages} pages, {(textTime > TimeSpan.Zero ? textPages / textTime.TotalSeconds : 0):F0} pages/s"));
        }

        w.WriteLine();
        w.WriteLine("| stage (single-core) | ms/page | share | KB allocated/page |");
        w.WriteLine("|---|---:|---:|---:|");
        var stageTotal = Stage.All.Sum(s => single.Stages[s].Elapsed.TotalMilliseconds);
        foreach (var stage in Stage.All)
        {
            var cost = single.Stages[stage];
            w.WriteLine(Invariant(
                $"| {stage} | {cost.Elapsed.TotalMilliseconds / single.Pages:F3} | {cost.Elapsed.TotalMilliseconds / stageTotal:P0} | {cost.AllocatedBytes / 1024.0 / single.Pages:F0} |"));
        }

        w.WriteLine();
        w.WriteLine(Invariant($"| files written (convert's way), {parallelism} at once | wall s | pages/s | failed |"));
        w.WriteLine("|---|---:|---:|---:|");
        WriteIsolationPass(w, "in this process", inProcess);
        WriteIsolationPass(w, "in child processes (started fresh)", children);
        w.WriteLine(Invariant($"process isolation costs {children.Wall / inProcess.Wall - 1:P0} of wall time"));

        w.WriteLine();
        w.WriteLine(Invariant($"peak working set (this process): {self.PeakWorkingSet64 / (1024.0 * 1024):F0} MB; live managed memory after the passes: {GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024):F0} MB"));
        return 0;
    }

    private static void WritePass(TextWriter w, string name, BenchPass pass) =>
        w.WriteLine(Invariant(
            $"| {name} | {pass.Threads} | {pass.Pages} | {pass.Failed} | {pass.Wall.TotalSeconds:F2} | {pass.Cpu.TotalSeconds:F2} | {pass.PagesPerSecond:F0} | {pass.AllocatedBytes / (1024.0 * 1024):F0} | {pass.AllocatedBytes / 1024.0 / Math.Max(1, pass.Pages):F0} | {pass.Gen0} | {pass.Gen2} |"));

    private static void WriteIsolationPass(TextWriter w, string name, IsolationPass pass) =>
        w.WriteLine(Invariant($"| {name} | {pass.Wall.TotalSeconds:F2} | {pass.PagesPerSecond:F0} | {pass.Failed} |"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
