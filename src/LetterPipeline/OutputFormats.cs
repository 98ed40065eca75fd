using LetterPipeline.Core.Writing;

namespace LetterPipeline;

/// <summary>The output formats the converter writes, by name: the <c>--format</c> list and <c>Pipeline:Formats</c>.</summary>
internal static class OutputFormats
{
    public static readonly IReadOnlyList<string> Default = ["json", "docx"];

    private static readonly string[] Known = ["json", "docx"];

    /// <summary>Every format the converter can write, whatever is configured now.</summary>
    public static IReadOnlyList<string> All => Known;

    public static bool IsKnown(string format) => Known.Contains(format);

    /// <summary>The formats named in <paramref name="list"/> (comma-separated, any case), in the order given, without repeats.</summary>
    public static IReadOnlyList<string> Parse(string list, out IReadOnlyList<string> unknown)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant())
            .Distinct()
            .ToArray();
        unknown = names.Except(Known).ToArray();
        return names.Intersect(Known).ToArray();
    }

    public static IReadOnlyList<ILetterWriter> Writers(IEnumerable<string> formats) =>
        formats.Select(f => f switch
        {
            "json" => (ILetterWriter)new JsonLetterWriter(),
            "docx" => new WordLetterWriter(TimeProvider.System),
            _ => throw new ArgumentOutOfRangeException(nameof(formats), f, "Unknown output format."),
        }).ToArray();
}
