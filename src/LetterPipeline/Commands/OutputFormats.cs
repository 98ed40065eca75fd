using LetterPipeline.Core.Writing;

namespace LetterPipeline.Commands;

/// <summary>The <c>--format</c> list of <c>convert</c>: which writers run, e.g. "json,docx".</summary>
internal static class OutputFormats
{
    public const string Default = "json,docx";

    private static readonly string[] Known = ["json", "docx"];

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

    public static IReadOnlyList<ILetterWriter> Writers(IReadOnlyList<string> formats) =>
        formats.Select(f => f switch
        {
            "json" => (ILetterWriter)new JsonLetterWriter(),
            "docx" => new WordLetterWriter(TimeProvider.System),
            _ => throw new ArgumentOutOfRangeException(nameof(formats), f, "Unknown output format."),
        }).ToArray();
}
