namespace LetterPipeline.Core.Tests.Support;

/// <summary>The repository's test corpus (tests/corpus), found from the test's output folder.</summary>
internal static class Corpus
{
    public static string Root { get; } = Find();

    public static IEnumerable<string> Letters() =>
        Directory.GetFiles(Path.Combine(Root, "letters"), "*.pdf").Order(StringComparer.Ordinal);

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
