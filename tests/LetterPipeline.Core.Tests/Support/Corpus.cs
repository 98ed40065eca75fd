namespace LetterPipeline.Core.Tests.Support;

/// <summary>The repository's test corpus (tests/corpus), found from the test's output folder, so tests run from any working directory.</summary>
internal static class Corpus
{
    public static string Root { get; } = Find();

    /// <summary>One corpus set: "letters", "real", "bad" or "hostile".</summary>
    public static string Folder(string name) => Path.Combine(Root, name);

    public static IEnumerable<string> Letters() =>
        Directory.GetFiles(Folder("letters"), "*.pdf").Order(StringComparer.Ordinal);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/corpus not found above " + AppContext.BaseDirectory);
    }
}
