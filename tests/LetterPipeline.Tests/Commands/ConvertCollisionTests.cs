using System.Security.Cryptography;
using System.Text.Json;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Commands;

/// <summary><c>convert</c> never lets one letter's outputs overwrite another's, through the real program.</summary>
public sealed class ConvertCollisionTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Convert_SameStemFromTwoFoldersAndInTwoCases_WritesEveryLetterUnderItsOwnNameAndSaysSo()
    {
        var letters = Corpus.Pdfs("letters");
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["a/brief.pdf"] = letters[0],
            ["b/brief.pdf"] = letters[1],
            ["x/letter.PDF"] = letters[2],
            ["x/letter.pdf"] = letters[3],
        };
        var shas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, source) in inputs)
        {
            var path = Path.Combine(temp.Path, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(source, path);
            shas[name] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        }

        var (exit, output) = await WorkerProcess.RunAsync(temp.Path, TimeSpan.FromMinutes(3),
            "convert", "a/brief.pdf", "b/brief.pdf", "x", "--out", "out", "--format", "json", "--parallelism", "2");

        Assert.True(exit == 0, output);
        // In a folder, names are taken in ordinal order: "letter.PDF" before "letter.pdf".
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["brief.json"] = shas["a/brief.pdf"],
            [$"brief-{shas["b/brief.pdf"][..8]}.json"] = shas["b/brief.pdf"],
            ["letter.json"] = shas["x/letter.PDF"],
            [$"letter-{shas["x/letter.pdf"][..8]}.json"] = shas["x/letter.pdf"],
        };
        var outDir = Path.Combine(temp.Path, "out");
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (json, sha) in expected)
        {
            using var letter = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, json)));
            Assert.Equal(sha, letter.RootElement.GetProperty("source").GetProperty("sha256").GetString());
        }

        Assert.Contains($"b/brief.pdf: written as brief-{shas["b/brief.pdf"][..8]}.* (same name as a/brief.pdf)", output, StringComparison.Ordinal);
        Assert.Contains("4 converted, 0 failed, 2 renamed", output, StringComparison.Ordinal);

        // Run again: every letter finds its own outputs and replaces them; nothing new appears.
        var (again, secondOutput) = await WorkerProcess.RunAsync(temp.Path, TimeSpan.FromMinutes(3),
            "convert", "a/brief.pdf", "b/brief.pdf", "x", "--out", "out", "--format", "json");
        Assert.True(again == 0, secondOutput);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
