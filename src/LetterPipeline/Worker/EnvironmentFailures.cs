using LetterPipeline.Core;

namespace LetterPipeline.Worker;

/// <summary>
/// Failures that are not the letter's fault: the same PDF converts once the output folder exists again or the disk
/// has room. They are retried, never quarantined; quarantine is for defects of the PDF.
/// </summary>
internal static class EnvironmentFailures
{
    public static bool Includes(FailureCode code) => code == FailureCode.IoError;

    /// <summary>For a code as the ledger stores it; ledgers written before this rule hold such failures as quarantined.</summary>
    public static bool Includes(string? code) => code is not null && Includes(FailureCodes.Parse(code));
}
