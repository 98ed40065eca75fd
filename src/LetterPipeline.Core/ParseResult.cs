using LetterPipeline.Core.Model;

namespace LetterPipeline.Core;

/// <summary>A problem in a letter that did not stop its conversion, such as a footnote marker without footnote text.</summary>
/// <param name="Page">The page it was found on, or 0 when it concerns the letter as a whole.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record ParseWarning(int Page, string Message)
{
    /// <summary>What kind of problem (<see cref="QualityFlags"/>); empty when not given.</summary>
    public string Code { get; init; } = "";
}

/// <summary>A letter read from a PDF, with the warnings about its content.</summary>
/// <param name="Letter">The letter.</param>
/// <param name="Warnings">Problems that did not stop the reading, in the order found: the letter's <see cref="Quality.Warnings"/>.</param>
public sealed record ParseResult(Letter Letter, IReadOnlyList<ParseWarning> Warnings)
{
    /// <summary>Pages read by OCR rather than from the text layer.</summary>
    public int OcrPages { get; init; }
}
