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
