namespace LetterPipeline.Core;

/// <summary>What happened to one input file.</summary>
public sealed record ConversionOutcome(
    string Input,
    bool Succeeded,
    int Pages,
    IReadOnlyList<string> Outputs,
    FailureCode? Code,
    string? Message,
    string? Stage,
    long Milliseconds,
    int Warnings = 0)
{
    public static ConversionOutcome Success(string input, int pages, IReadOnlyList<string> outputs, long ms, int warnings) =>
        new(input, true, pages, outputs, null, null, null, ms, warnings);

    public static ConversionOutcome Failure(string input, FailureCode code, string message, string stage, long ms) =>
        new(input, false, 0, [], code, message, stage, ms);
}
