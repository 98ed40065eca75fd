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
    StageTimings Stages,
    int OcrPages = 0,
    TimeSpan OcrTime = default)
{
    public double PagesPerSecond => Pages / Wall.TotalSeconds;

    /// <summary>Pages read by OCR per second of the documents that needed it (summed over threads); 0 without any.</summary>
    public double OcrPagesPerSecond => OcrPages == 0 ? 0 : OcrPages / OcrTime.TotalSeconds;
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
        var ocrPages = 0;
        var ocrTicks = 0L;
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => (Timings: new StageTimings(), Writers: OutputFormats.Writers(formats), Sink: new MemoryStream(), Pages: 0, Failed: 0, OcrPages: 0, OcrTicks: 0L),
            (file, _, local) =>
            {
                var started = Stopwatch.GetTimestamp();
                var (documentPages, documentOcrPages) = Convert(file, local.Timings, local.Writers, local.Sink);
                var ocrTicks = documentOcrPages > 0 ? Stopwatch.GetTimestamp() - started : 0;
                return documentPages < 0
                    ? local with { Failed = local.Failed + 1 }
                    : local with { Pages = local.Pages + documentPages, OcrPages = local.OcrPages + documentOcrPages, OcrTicks = local.OcrTicks + ocrTicks };
            },
            local =>
            {
                lock (total)
                {
                    total.Add(local.Timings);
                    pages += local.Pages;
                    failed += local.Failed;
                    ocrPages += local.OcrPages;
                    ocrTicks += local.OcrTicks;
                }
            });
        clock.Stop();
        return new BenchPass(threads, files.Count, pages, failed, clock.Elapsed,
            Process.GetCurrentProcess().TotalProcessorTime - cpu,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2, total, ocrPages, Stopwatch.GetElapsedTime(0, ocrTicks));
    }

    /// <summary>The document's page count (-1 when it was refused) and how many of its pages were read by OCR.</summary>
    private (int Pages, int OcrPages) Convert(string file, StageTimings timings, IReadOnlyList<ILetterWriter> writers, MemoryStream sink)
    {
        timings.Restart();
        try
        {
            // Reading the file and hashing it are charged to Stage.Read, then each parsing stage to its own.
            var result = LetterPdf.Parse(file, new LetterPdfOptions { Timings = timings });
            foreach (var writer in writers)
            {
                sink.SetLength(0);
                writer.Write(result.Letter, sink);
                timings.Lap(writer.Format);
            }

            return (result.Letter.Source.Pages, result.OcrPages);
        }
        catch (LetterFormatException)
        {
            return (-1, 0);
        }
    }
}
