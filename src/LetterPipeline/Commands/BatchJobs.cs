using System.Collections.Concurrent;
using System.Diagnostics;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Commands;

/// <summary>
/// Which files of a <c>convert</c> batch were started and which finished (converted or failed), so that an interrupted
/// batch reports what it did not convert and leaves no half-written file behind.
/// </summary>
internal sealed class BatchJobs(IReadOnlyList<ConversionJob> jobs, IReadOnlyList<string> formats)
{
    private readonly ConcurrentDictionary<ConversionJob, bool> started = new();
    private readonly DateTime began = TimeProvider.System.GetUtcNow().UtcDateTime;
    private int finished;

    public IReadOnlyList<ConversionJob> Jobs => jobs;

    /// <summary>Files converted or failed.</summary>
    public int Finished => Volatile.Read(ref finished);

    public void Started(ConversionJob job) => started[job] = false;

    public void Done(ConversionJob job)
    {
        started[job] = true;
        Interlocked.Increment(ref finished);
    }

    /// <summary>
    /// For each file abandoned in the middle of its conversion: the temporary files its (killed) converter left, and
    /// the outputs written for it in this batch, which may be one format without the other.
    /// </summary>
    public void RemoveAbandoned()
    {
        var abandoned = started.Where(s => !s.Value).Select(s => s.Key.OutputStem).ToList();
        foreach (var folder in abandoned.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            foreach (var temp in Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                if (AtomicFile.IsTemporary(Path.GetFileName(temp), out var writer) && !IsRunning(writer))
                {
                    File.Delete(temp);
                }
            }
        }

        foreach (var output in abandoned.SelectMany(stem => formats.Select(format => $"{stem}.{format}")))
        {
            if (File.Exists(output) && File.GetLastWriteTimeUtc(output) >= began)
            {
                File.Delete(output);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
