namespace LetterPipeline.Core.Tests.Guards;

/// <summary>The repository's tests/corpus folders, found by walking up from the test binaries to LetterPipeline.sln.</summary>
internal static class GuardCorpus
{
    public static string Folder(string name) => Path.Combine(Root.Value, "tests", "corpus", name);

    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LetterPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LetterPipeline.sln not found above " + AppContext.BaseDirectory);
    });
}
