using LetterPipeline.Commands;
using LetterPipeline.Core.Writing;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Commands;

public sealed class FileSystemSyncTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Flush_FilesInSeveralFolders_SyncsWithoutError()
    {
        var files = new[] { Path.Combine(temp.Path, "a", "one.json"), Path.Combine(temp.Path, "a", "two.docx"), Path.Combine(temp.Path, "b", "three.json") };
        foreach (var file in files)
        {
            AtomicFile.Write(file, stream => stream.Write("x"u8), FileDurability.CallerSyncs);
        }

        // On Linux this is the syncfs system call: it fails here if the call cannot be bound or is refused.
        FileSystemSync.Flush(files);

        Assert.All(files, f => Assert.Equal("x", File.ReadAllText(f)));
    }

    [Fact]
    public void Flush_FileThatIsGone_ThrowsNamingIt()
    {
        var missing = Path.Combine(temp.Path, "gone.json");

        var error = Assert.Throws<FileNotFoundException>(() => FileSystemSync.Flush([missing]));

        Assert.Contains("gone.json", error.Message, StringComparison.Ordinal);
    }
}
