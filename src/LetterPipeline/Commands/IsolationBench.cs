using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LetterPipeline.Core;
using LetterPipeline.Core.Writing;
using LetterPipeline.Isolation;

namespace LetterPipeline.Commands;

/// <summary>One way of converting a batch to files, timed: its wall time, pages and failures.</summary>
internal sealed record IsolationPass(TimeSpan Wall, int Pages, int Failed)
{
    public double PagesPerSecond => Pages / Wall.TotalSeconds;
}

/// <summary>
/// What process isolation costs: the same batch converted to files on N threads in this process, then in N child
/// processes (started fresh, so their start-up counts), writing the same files the same way (<c>convert</c>'s:
/// renamed into place, one sync per batch). Each pass writes into a folder of its own, all deleted at the end.
/// </summary>
internal sealed class IsolationBench(IReadOnlyList<string> formats, int threads) : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("letterpipe-bench-");

    public IsolationPass InProcess(IReadOnlyList<string> files)
    {
        var output = Path.Combine(scratch.FullName, "in-process");
        var outcomes = new ConcurrentBag<ConversionOutcome>();
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(
            Enumerable.Range(0, files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new LetterConverter(OutputFormats.Writers(formats), FileDurability.CallerSyncs),
            (i, _, converter) =>
            {
                outcomes.Add(converter.Convert(files[i], Path.Combine(output, i.ToString(CultureInfo.InvariantCulture))));
                return converter;
            },
            _ => { });
        return Finish(outcomes, clock);
    }

    public async Task<IsolationPass> ChildProcessesAsync(IReadOnlyList<string> files)
    {
        var output = Path.Combine(scratch.FullName, "child-processes");
        var outcomes = new ConcurrentBag<ConversionOutcome>();
        var clock = Stopwatch.StartNew();
        using (var pool = new ConversionPool(new ConversionPoolOptions(threads, TimeSpan.FromMinutes(1), 1024, formats, FileDurability.CallerSyncs)))
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, files.Count),
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                async (i, ct) => outcomes.Add(await pool.ConvertAsync(files[i], Path.Combine(output, i.ToString(CultureInfo.InvariantCulture)), ct)));
        }

        return Finish(outcomes, clock);
    }

    public void Dispose() => scratch.Delete(recursive: true);

    private static IsolationPass Finish(ConcurrentBag<ConversionOutcome> outcomes, Stopwatch clock)
    {
        FileSystemSync.Flush(outcomes.SelectMany(o => o.Outputs));
        clock.Stop();
        return new IsolationPass(clock.Elapsed, outcomes.Sum(o => o.Pages), outcomes.Count(o => !o.Succeeded));
    }
}
