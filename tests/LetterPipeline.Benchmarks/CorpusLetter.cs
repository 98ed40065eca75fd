namespace LetterPipeline.Benchmarks;

/// <summary>Finds a letter of tests/corpus/letters from wherever BenchmarkDotNet runs its generated project.</summary>
internal static class CorpusLetter
{
    public static byte[] Read(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "tests", "corpus", "letters", fileName);
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException($"tests/corpus/letters/{fileName} not found above {AppContext.BaseDirectory}.");
    }
}
