namespace LetterPipeline.Evaluation.Tests;

/// <summary>Paths in the repository the tests run from (found by walking up to LetterPipeline.sln).</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LetterPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LetterPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
