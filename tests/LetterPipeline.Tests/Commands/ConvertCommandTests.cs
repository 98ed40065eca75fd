using System.CommandLine;
using System.Text.Json;
using LetterPipeline.Commands;
using LetterPipeline.Core;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Commands;

[Collection(nameof(LetterPipeline.Tests.Isolation.ConversionPoolTests))]
public sealed class ConvertCommandTests
{
    private static readonly HashSet<string> KnownCodes = Enum.GetValues<FailureCode>().Select(c => c.ToCode()).ToHashSet();

    private static Task<int> Invoke(params string[] args) =>
        new RootCommand { ConvertCommand.Create() }.Parse(["convert", .. args]).InvokeAsync();

    [Fact]
    public async Task Convert_BadAndHostileFolders_EveryFileConvertsOrHasSpecificError()
    {
        using var temp = new TempDir();
        var inputs = Corpus.Pdfs("bad").Concat(Corpus.Pdfs("hostile")).ToList();

        var exit = await Invoke(Corpus.Dir("bad"), Corpus.Dir("hostile"), "--out", temp.Path, "--timeout", "10", "--parallelism", "2");

        Assert.Equal(2, exit);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var stem = Path.Combine(temp.Path, Path.GetFileNameWithoutExtension(input));
            Assert.True(stems.Add(stem), $"two inputs share the stem {stem}");
            var json = File.Exists(stem + ".json");
            var error = File.Exists(stem + ".error.json");
            Assert.True(json ^ error, $"{input}: expected exactly one of .json and .error.json");
            if (error)
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(stem + ".error.json"));
                Assert.Contains(doc.RootElement.GetProperty("code").GetString() ?? "", KnownCodes);
                Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("message").GetString()));
            }
        }

        // Known-bad inputs must fail with their own code, whatever the parser does with the rest.
        Assert.Equal("not-a-pdf", ErrorCode(temp.Path, "empty"));
        Assert.Equal("encrypted", ErrorCode(temp.Path, "encrypted"));
        Assert.True(File.Exists(Path.Combine(temp.Path, "owner-locked.json")));
    }

    [Fact]
    public async Task Convert_Verbose_PrintsEachWarningWithPageCodeAndWords()
    {
        using var temp = new TempDir();
        // An Aanhangsel with footnotes its text does not mark.
        var input = Corpus.File("real-2", "ah-tk-20142015-698.pdf");

        var (exit, output) = await WorkerProcess.RunAsync(temp.Path, TimeSpan.FromMinutes(2), "convert", input, "--out", temp.Path, "--verbose");

        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "ah-tk-20142015-698.json")));
        var quality = json.RootElement.GetProperty("quality");
        var warnings = quality.GetProperty("warnings").EnumerateArray().ToArray();
        Assert.NotEmpty(warnings);
        var flags = string.Join(", ", quality.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains($"{input}: {warnings.Length} warning(s), flags: {flags}", output, StringComparison.Ordinal);
        foreach (var warning in warnings)
        {
            Assert.Contains($"  page {warning.GetProperty("page").GetInt32()}: {warning.GetProperty("code").GetString()}: {warning.GetProperty("message").GetString()}",
                output, StringComparison.Ordinal);
        }

        Assert.Contains($"1 converted, 0 failed; {warnings.Length} warnings in 1 letters", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_MissingInput_ExitsWithUsageError()
    {
        using var temp = new TempDir();

        var exit = await Invoke(Path.Combine(temp.Path, "nope.pdf"), "--out", temp.Path);

        Assert.Equal(1, exit);
    }

    private static string? ErrorCode(string dir, string stem)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, stem + ".error.json")));
        return doc.RootElement.GetProperty("code").GetString();
    }
}
