namespace LetterPipeline.Tests.Support;

/// <summary>Paths into tests/corpus and samples/ of the repository the tests were built from.</summary>
internal static class Corpus
{
    public static string Root { get; } = FindRoot();

    public static string Dir(string name) => Path.Combine(Root, "tests", "corpus", name);

    public static string File(string folder, string name) => Path.Combine(Dir(folder), name);

    public static IReadOnlyList<string> Pdfs(string folder) =>
        Directory.GetFiles(Dir(folder), "*.pdf").Order(StringComparer.Ordinal).ToList();

    /// <summary>The pages of <paramref name="pdfs"/> together, as PdfPig counts them.</summary>
    public static int Pages(IEnumerable<string> pdfs) => pdfs.Sum(f =>
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(f);
        return document.NumberOfPages;
    });

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "corpus")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("tests/corpus not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "letterpipe-tests", Guid.NewGuid().ToString("N"));

    public string Sub(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp folder is cleaned by the OS eventually.
        }
    }
}
