using System.Collections.Concurrent;

namespace LetterPipeline.Worker;

/// <summary>
/// When an inbox file that failed for a reason outside the letter (output folder missing or unwritable, disk full,
/// database unreachable) is tried again: on the next pass, then after ever longer waits, so a worker whose disk is
/// full does not convert every letter every minute. Kept in memory: a new process (an operator's <c>run --once</c>
/// after fixing the cause) tries at once.
/// </summary>
internal sealed class RetryBackoff(TimeProvider clock)
{
    /// <summary>The first wait: under the default schedule's minute, so the next pass tries again.</summary>
    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Due)> waiting = new(StringComparer.Ordinal);

    /// <summary>False while <paramref name="file"/> waits; <paramref name="due"/> says until when.</summary>
    public bool IsDue(string file, out DateTimeOffset due)
    {
        due = waiting.TryGetValue(file, out var entry) ? entry.Due : DateTimeOffset.MinValue;
        return due <= clock.GetUtcNow();
    }

    /// <summary>Records one more failure and returns how long the file now waits.</summary>
    public TimeSpan Failed(string file)
    {
        var failures = waiting.TryGetValue(file, out var entry) ? entry.Failures + 1 : 1;
        var wait = TimeSpan.FromTicks(Math.Min(Longest.Ticks, First.Ticks << Math.Min(failures - 1, 16)));
        waiting[file] = (failures, clock.GetUtcNow() + wait);
        return wait;
    }

    public void Succeeded(string file) => waiting.TryRemove(file, out _);
}
