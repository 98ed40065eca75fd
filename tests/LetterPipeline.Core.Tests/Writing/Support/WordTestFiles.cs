namespace LetterPipeline.Core.Tests.Writing.Support;

/// <summary>Finds the corpus from the test's output folder, so the tests run from any working directory.</summary>
internal static class WordTestFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static TheoryData<string> CorpusLetters()
    {
        var data = new TheoryData<string>();
        foreach (var pdf in Directory.GetFiles(Path.Combine(RepositoryRoot, "tests", "corpus", "letters"), "*.pdf").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(pdf));
        }

        return data;
    }

    public static Model.Letter ParseCorpusLetter(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryRoot, "tests", "corpus", "letters", name));
        return new LetterParser().Parse(bytes, name, LetterConverter.Convert256(bytes)).Letter;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LetterPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LetterPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
