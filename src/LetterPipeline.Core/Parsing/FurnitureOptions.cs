namespace LetterPipeline.Core.Parsing;

/// <summary>Where <see cref="RunningFurnitureDetector"/> looks for running headers and footers, and how often they must repeat.</summary>
internal sealed record FurnitureOptions
{
    /// <summary>The values every letter is read with.</summary>
    public static FurnitureOptions Default { get; } = new();

    /// <summary>The top and bottom share of the page where running text lives: the letterhead and footer, above and below the body.</summary>
    public double Band { get; init; } = 0.12;

    /// <summary>Text in the band that repeats on this many pages is furniture: one page's last line repeats on no other page.</summary>
    public int MinRepeatPages { get; init; } = 2;
}
