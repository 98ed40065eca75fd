namespace LetterPipeline.Core.Model;

/// <summary>A stretch of a paragraph's text set in bold, italic or underlined, as the PDF printed it.</summary>
/// <param name="Start">The index in the paragraph's text where the stretch begins.</param>
/// <param name="Length">How many characters it covers.</param>
/// <param name="Style">Which style (<see cref="InlineStyles"/>); a stretch both bold and italic is two spans.</param>
public sealed record InlineStyle(int Start, int Length, string Style);

/// <summary>The values of <see cref="InlineStyle.Style"/>.</summary>
public static class InlineStyles
{
    /// <summary>Bold.</summary>
    public const string Bold = "bold";

    /// <summary>Italic.</summary>
    public const string Italic = "italic";

    /// <summary>Underlined.</summary>
    public const string Underline = "underline";
}
