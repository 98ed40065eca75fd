namespace LetterPipeline.Worker;

/// <summary>What became of one inbox file in a pass; <see cref="PassSummary"/> counts them.</summary>
internal enum DocumentResult
{
    Converted,
    Quarantined,
    Duplicate,
    Unchanged,
    StillWriting,
    Error,
    Leased,

    /// <summary>Not converted for a reason outside the letter (output folder, disk, database): tried again on a later pass.</summary>
    Deferred,

    /// <summary>Failed that way before and waits for its next try (<see cref="RetryBackoff"/>).</summary>
    Waiting,
}

/// <summary>What one pass over the inbox did.</summary>
/// <param name="RetryLater">Files not converted for a reason outside the letter, now or on an earlier pass, left for a later one.</param>
internal sealed record PassSummary(int Converted, int Quarantined, int Duplicates, int Unchanged, int StillWriting, int Errors, long Milliseconds, int Leased = 0, int RetryLater = 0)
{
    /// <summary>0 when nothing was quarantined or left undone, else 2.</summary>
    public int ExitCode => Quarantined > 0 || Errors > 0 || RetryLater > 0 ? 2 : 0;
}
