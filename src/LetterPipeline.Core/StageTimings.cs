using System.Diagnostics;

namespace LetterPipeline.Core;

/// <summary>The stages a conversion is measured in, in pipeline order.</summary>
public static class Stage
{
    /// <summary>Reading the file and hashing its bytes.</summary>
    public const string Read = "read";

    /// <summary>PdfPig opening the document and parsing its pages.</summary>
    public const string Parse = "parse";

    /// <summary>Glyphs into lines, with their footnote markers.</summary>
    public const string Layout = "layout";

    /// <summary>Rendering and reading scanned or garbled pages with Tesseract.</summary>
    public const string Ocr = "ocr";

    /// <summary>Lines into the letter's identity, sections, paragraphs and footnotes.</summary>
    public const string Structure = "structure";

    /// <summary>Reading the references in the text and footnotes.</summary>
    public const string Citations = "citations";

    /// <summary>Writing the JSON (charged by the caller that writes it).</summary>
    public const string Json = "json";

    /// <summary>Writing the .docx (charged by the caller that writes it).</summary>
    public const string Docx = "docx";

    /// <summary>Every stage, in pipeline order.</summary>
    public static readonly IReadOnlyList<string> All = [Read, Parse, Layout, Ocr, Structure, Citations, Json, Docx];
}

/// <summary>Time and allocated bytes of one stage, summed over every lap charged to it.</summary>
/// <param name="Elapsed">The time spent in the stage.</param>
/// <param name="AllocatedBytes">The bytes the stage allocated on the measuring thread.</param>
public readonly record struct StageCost(TimeSpan Elapsed, long AllocatedBytes);

/// <summary>
/// Where a conversion spends its time and memory, stage by stage. Only the bench passes one; the
/// pipeline's hook is a null check otherwise. One instance per thread: it reads this thread's allocations.
/// </summary>
public sealed class StageTimings
{
    private readonly Dictionary<string, (long Ticks, long Bytes)> totals = new(StringComparer.Ordinal);
    private long lapTicks = Stopwatch.GetTimestamp();
    private long lapBytes = GC.GetAllocatedBytesForCurrentThread();

    /// <summary>Charges the time and allocations since the previous lap (or creation, or <see cref="Restart"/>) to <paramref name="stage"/>.</summary>
    public void Lap(string stage)
    {
        var ticks = Stopwatch.GetTimestamp();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var (t, b) = totals.GetValueOrDefault(stage);
        totals[stage] = (t + ticks - lapTicks, b + bytes - lapBytes);
        lapTicks = ticks;
        lapBytes = bytes;
    }

    /// <summary>Starts the next lap now, charging the time since the previous one to no stage.</summary>
    public void Restart()
    {
        lapTicks = Stopwatch.GetTimestamp();
        lapBytes = GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>What was charged to <paramref name="stage"/> so far; zero when nothing was.</summary>
    /// <param name="stage">One of <see cref="Stage.All"/>.</param>
    public StageCost this[string stage] =>
        totals.TryGetValue(stage, out var total)
            ? new StageCost(Stopwatch.GetElapsedTime(0, total.Ticks), total.Bytes)
            : default;

    /// <summary>Adds <paramref name="other"/>'s totals to this one's (to sum per-thread timings).</summary>
    public void Add(StageTimings other)
    {
        foreach (var (stage, (ticks, bytes)) in other.totals)
        {
            var (t, b) = totals.GetValueOrDefault(stage);
            totals[stage] = (t + ticks, b + bytes);
        }
    }
}
