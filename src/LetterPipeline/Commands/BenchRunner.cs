using System.Diagnostics;
using LetterPipeline.Core;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Commands;

/// <summary>What one bench pass measured.</summary>
internal sealed record BenchPass(
    int Threads,
    int Documents,
    int Pages,
    int Failed,
    TimeSpan Wall,
    TimeSpan Cpu,
    long AllocatedBytes,
    int Gen0,
    int Gen2,
    StageTimings Stages)
{
    public double PagesPerSecond => Pages / Wall.TotalSeconds;
}

/// <summary>
/// Converts documents in this process, the way a child does (read, parse, every writer), with the
/// outputs written to memory so the disk does not enter the figures.
/// </summary>
internal sealed class BenchRunner(IReadOnlyList<string> formats)
{
    /// <summary>One document, timed from nothing: the first one pays JIT and the word list load.</summary>
    public TimeSpan First(string file)
    {
        var clock = Stopwatch.StartNew();
        Convert(file, new StageTimings(), OutputFormats.Writers(formats), new MemoryStream());
        return clock.Elapsed;
    }

    /// <summary>Converts <paramref name="files"/> on up to <paramref name="threads"/> threads.</summary>
    public BenchPass Run(IReadOnlyList<string> files, int threads)
    {
        var total = new StageTimings();
        var pages = 0;
        var failed = 0;
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => (Timings: new StageTimings(), Writers: OutputFormats.Writers(formats), Sink: new MemoryStream(), Pages: 0, Failed: 0),
            (file, _, local) =>
            {
                var documentPages = Convert(file, local.Timings, local.Writers, local.Sink);
                return documentPages < 0
                    ? local with { Failed = local.Failed + 1 }
                    : local with { Pages = local.Pages + documentPages };
            },
            local =>
            {
                lock (total)
                {
                    total.Add(local.Timings);
                    pages += local.Pages;
                    failed += local.Failed;
                }
            });
        clock.Stop();
        return new BenchPass(threads, files.Count, pages, failed, clock.Elapsed,
            Process.GetCurrentProcess().TotalProcessorTime - cpu,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2, total);
    }

    /// <summary>The document's page count, or -1 when it was refused.</summary>
    private int Convert(string file, StageTimings timings, IReadOnlyList<ILetterWriter> writers, MemoryStream sink)
    {
        timings.Restart();
        try
        {
            // Reading the file and hashing it are charged to Stage.Read, then each parsing stage to its own.
            var letter = LetterPdf.Read(file, new LetterPdfOptions { Timings = timings });
            foreach (var writer in writers)
            {
                sink.SetLength(0);
                writer.Write(letter, sink);
                timings.Lap(writer.Format);
            }

            return letter.Source.Pages;
        }
        catch (LetterFormatException)
        {
            return -1;
        }
    }
}
