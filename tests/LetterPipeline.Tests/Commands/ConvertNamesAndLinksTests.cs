using System.CommandLine;
using System.Text;
using LetterPipeline.Commands;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Commands;

/// <summary>
/// What input names and folders can do to <c>convert</c>: names near the file system's limit, names made of dots,
/// symbolic links in a folder. Outputs stay inside --out, one bad name fails one file, links are not followed.
/// </summary>
[Collection(nameof(LetterPipeline.Tests.Isolation.ConversionPoolTests))]
public sealed class ConvertNamesAndLinksTests
{
    private static Task<int> Invoke(params string[] args) =>
        new RootCommand { ConvertCommand.Create() }.Parse(["convert", .. args]).InvokeAsync();

    [Fact]
    public async Task Convert_FileNameOf208Bytes_ConvertsItAndEveryFileAfterIt()
    {
        using var temp = new TempDir();
        var output = temp.Sub("out");

        var exit = await Invoke(Corpus.Dir("fuzz/D2-long-file-name"), "--out", output, "--format", "json");

        Assert.Equal(0, exit);
        var outputs = Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, outputs.Count);
        Assert.Equal(["00-first.json", "zz-last.json"], outputs.Where(o => o!.Length < 20));
        Assert.All(outputs, o => Assert.True(Encoding.UTF8.GetByteCount(o!) <= OutputNames.MaxSegmentBytes + ".json".Length, o));
    }

    [Theory]
    [InlineData("..pdf")]
    [InlineData("...pdf")]
    [InlineData(".pdf")]
    public async Task Convert_NameOfDots_WritesInsideTheOutputFolderOnly(string name)
    {
        using var temp = new TempDir();
        var inputs = temp.Sub("in");
        var parent = temp.Sub("work");
        var output = Path.Combine(parent, "out");
        File.Copy(Corpus.File("fuzz/D5-dot-names-escape-out", "..pdf"), Path.Combine(inputs, name));

        var exit = await Invoke(Path.Combine(inputs, name), "--out", output, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(["out"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
        var written = Assert.Single(Directory.GetFiles(output));
        Assert.Matches("^_+\\.json$", Path.GetFileName(written));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task Convert_FolderWithLinks_ConvertsOnlyItsOwnFilesAndSaysWhichLinksItSkipped()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Symbolic links need privileges there.
        }

        using var temp = new TempDir();
        var inputs = temp.Sub("in");
        var elsewhere = temp.Sub("elsewhere");
        File.Copy(Corpus.File("letters", "navo-2022-11.kst.serif.pdf"), Path.Combine(inputs, "own.pdf"));
        File.Copy(Corpus.File("letters", "navo-2022-11.brief.carlito.pdf"), Path.Combine(elsewhere, "secret.pdf"));
        Directory.CreateSymbolicLink(Path.Combine(inputs, "linked-folder"), elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(inputs, "self"), inputs);
        File.CreateSymbolicLink(Path.Combine(inputs, "linked-file.pdf"), Path.Combine(elsewhere, "secret.pdf"));
        var output = temp.Sub("out");
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        int exit;
        try
        {
            exit = await Invoke(inputs, "--out", output, "--format", "json");
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(0, exit);
        Assert.Equal(["own.json"], Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        var skipped = stderr.ToString();
        Assert.Contains("linked-folder", skipped, StringComparison.Ordinal);
        Assert.Contains("self", skipped, StringComparison.Ordinal);
        Assert.Contains("linked-file.pdf", skipped, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(elsewhere, "secret.pdf")));
    }
}
