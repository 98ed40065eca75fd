namespace LetterPipeline.Core.Parsing;

/// <summary>Where <see cref="RunningFurnitureDetector"/> looks for running headers and footers, and how often they must repeat.</summary>
internal sealed record FurnitureOptions
{
    /// <summary>The values every letter is read with.</summary>
    public static FurnitureOptions Default { get; } = new();

    /// <summary>The top and bottom share of the page where running text lives: the letterhead and footer, above and below the body.</summary>
    public double Band { get; init; } = 0.12;

    /// <summary>
    /// Running text in the body's own type repeats on at least this share of the pages (and on two at least): a heading
    /// or question number that happens to open or close two pages of a long document is body text.
    /// </summary>
    public double MinRepeatShare { get; init; } = 0.4;

    /// <summary>The pages body-type text must repeat on to be furniture in a document of <paramref name="pages"/> pages.</summary>
    public int MinRepeatPages(int pages) => Math.Max(2, (int)Math.Ceiling(pages * MinRepeatShare));
}
