namespace LetterPipeline.Core;

/// <summary>What happened to one input file (<see cref="LetterConverter.Convert(string, string, LetterPdfOptions)"/>).</summary>
/// <param name="Input">The input file's path.</param>
/// <param name="Succeeded">True when every output was written.</param>
/// <param name="Pages">The letter's page count; 0 on failure.</param>
/// <param name="Outputs">The paths written, one per format; empty on failure.</param>
/// <param name="Code">Why it failed; null on success.</param>
/// <param name="Message">What went wrong, in a sentence; null on success.</param>
/// <param name="Stage">Where it stopped (<see cref="LetterFormatException.Stage"/>, or "io"); null on success.</param>
/// <param name="Milliseconds">How long the conversion took.</param>
/// <param name="Warnings">How many <see cref="ParseWarning"/>s the letter had.</param>
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
    /// <summary>The letter's warnings, each with its page, code and message (<see cref="Model.Quality.Warnings"/>); empty on failure.</summary>
    public IReadOnlyList<ParseWarning> WarningList { get; init; } = [];

    /// <summary>The letter's quality flags (<see cref="Model.Quality.Flags"/>); empty on failure.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>A converted file.</summary>
    /// <param name="input">The input file's path.</param>
    /// <param name="pages">The letter's page count.</param>
    /// <param name="outputs">The paths written.</param>
    /// <param name="ms">How long the conversion took, in milliseconds.</param>
    /// <param name="warnings">How many warnings the letter had.</param>
    /// <returns>The outcome.</returns>
    public static ConversionOutcome Success(string input, int pages, IReadOnlyList<string> outputs, long ms, int warnings) =>
        new(input, true, pages, outputs, null, null, null, ms, warnings);

    /// <summary>A file that was not converted.</summary>
    /// <param name="input">The input file's path.</param>
    /// <param name="code">Why.</param>
    /// <param name="message">What went wrong, in a sentence.</param>
    /// <param name="stage">Where it stopped.</param>
    /// <param name="ms">How long it took until then, in milliseconds.</param>
    /// <returns>The outcome.</returns>
    public static ConversionOutcome Failure(string input, FailureCode code, string message, string stage, long ms) =>
        new(input, false, 0, [], code, message, stage, ms);
}
