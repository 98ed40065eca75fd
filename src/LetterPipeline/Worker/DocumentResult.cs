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
}

/// <summary>What one pass over the inbox did.</summary>
internal sealed record PassSummary(int Converted, int Quarantined, int Duplicates, int Unchanged, int StillWriting, int Errors, long Milliseconds, int Leased = 0)
{
    /// <summary>0 when nothing was quarantined or left behind by an error, else 2.</summary>
    public int ExitCode => Quarantined > 0 || Errors > 0 ? 2 : 0;
}
