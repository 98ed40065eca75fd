using LetterPipeline.Core.Writing;

namespace LetterPipeline.Isolation;

/// <summary>The output formats the converter can write, by name ("json").</summary>
internal static class OutputFormats
{
    public static readonly IReadOnlyList<string> Default = ["json"];

    public static IReadOnlyList<ILetterWriter> Writers(IEnumerable<string> formats) =>
        formats.Select(Writer).ToList();

    public static bool IsKnown(string format) => format is "json";

    private static ILetterWriter Writer(string format) => format switch
    {
        "json" => new JsonLetterWriter(),
        _ => throw new ArgumentException($"Unknown output format '{format}'.", nameof(format)),
    };
}
