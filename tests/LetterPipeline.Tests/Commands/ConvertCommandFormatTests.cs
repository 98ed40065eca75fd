using System.CommandLine;
using LetterPipeline.Commands;

namespace LetterPipeline.Tests.Commands;

public sealed class ConvertCommandFormatTests : IDisposable
{
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "letterpipe-format-" + Guid.NewGuid().ToString("N"));

    private static string Sample => Path.Combine(RepositoryRoot(), "samples", "navo-2022-11.kst.serif.pdf");

    public void Dispose()
    {
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public void Convert_NoFormat_WritesJsonAndDocx()
    {
        var exit = Run("convert", Sample, "--out", outDir);

        Assert.Equal(0, exit);
        Assert.Equal(["navo-2022-11.kst.serif.docx", "navo-2022-11.kst.serif.json"], OutputFiles());
    }

    [Theory]
    [InlineData("docx", new[] { "navo-2022-11.kst.serif.docx" })]
    [InlineData("json", new[] { "navo-2022-11.kst.serif.json" })]
    [InlineData(" DOCX , json ", new[] { "navo-2022-11.kst.serif.docx", "navo-2022-11.kst.serif.json" })]
    public void Convert_FormatList_WritesOnlyThoseFormats(string formats, string[] expected)
    {
        var exit = Run("convert", Sample, "--out", outDir, "--format", formats);

        Assert.Equal(0, exit);
        Assert.Equal(expected, OutputFiles());
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("json,odt")]
    [InlineData(",")]
    public void Convert_UnknownFormat_IsUsageErrorAndWritesNothing(string formats)
    {
        var exit = Run("convert", Sample, "--out", outDir, "--format", formats);

        Assert.Equal(1, exit);
        Assert.False(Directory.Exists(outDir));
    }

    private static int Run(params string[] args) => new RootCommand { ConvertCommand.Create() }.Parse(args).Invoke();

    private string[] OutputFiles() => Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static string RepositoryRoot()
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
