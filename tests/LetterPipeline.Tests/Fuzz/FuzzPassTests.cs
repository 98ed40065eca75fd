using System.Runtime.Versioning;
using System.Security.Cryptography;
using LetterPipeline.Tests.Support;
using Xunit.Abstractions;

namespace LetterPipeline.Tests.Fuzz;

/// <summary>
/// A fuzzing pass over the corpus letters (<see cref="FuzzInputs"/>: byte flips, truncations, filter chains, bombs,
/// deep and cyclic structures, odd names) plus symbolic links, through the real program: every input ends with
/// exactly one outcome, none as <c>crashed</c>, none lost, and nothing is written outside the output folders.
/// LETTERPIPE_FUZZ_INPUTS and LETTERPIPE_FUZZ_SEED make a longer or another campaign; the default keeps the suite short.
/// </summary>
[Collection(nameof(LetterPipeline.Tests.Isolation.ConversionPoolTests))]
public sealed class FuzzPassTests(ITestOutputHelper log)
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(30);

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("LETTERPIPE_FUZZ_INPUTS"), out var n) ? n : 30;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("LETTERPIPE_FUZZ_SEED"), out var s) ? s : 20;

    [Fact]
    public async Task RunOnce_FuzzedInbox_EveryInputHasOneOutcomeNoneCrashedLostOrWrittenOutside()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Symbolic links and file names with control characters.
        }

        using var folders = new WorkerFolders();
        var inputs = FuzzInputs.Generate(Seed, Count, Letters());
        log.WriteLine($"seed {Seed}");
        foreach (var input in inputs)
        {
            File.WriteAllBytes(Path.Combine(folders.Inbox, input.Name), input.Content);
        }

        Links(folders.Root, folders.Inbox, inputs[^1].Name);
        var untouched = Snapshot(folders.Root, except: [folders.Output, folders.Archive, folders.Failed, folders.Inbox]);
        var inboxBefore = Snapshot(folders.Inbox, except: []);

        var (exit, output) = await WorkerProcess.RunAsync(folders.Root, RunLimit,
            folders.RunOnce(documentTimeoutSeconds: 59));

        Assert.True(exit is 0 or 2, $"exit {exit}\n{output}");
        var outcomes = new List<(string Kind, string Outcome)>();
        foreach (var input in inputs)
        {
            var sha = Sha(input.Content);
            var archived = Path.Combine(folders.Archive, input.Name);
            var failed = Path.Combine(folders.Failed, input.Name);
            Assert.False(File.Exists(Path.Combine(folders.Inbox, input.Name)), $"{input.Name} was left in the inbox");
            Assert.True(File.Exists(archived) ^ File.Exists(failed), $"{input.Name}: expected in exactly one of archive and failed");
            Assert.Equal(sha, Sha(File.ReadAllBytes(File.Exists(archived) ? archived : failed)));
            outcomes.Add((input.Kind, File.Exists(archived) ? "converted" : ErrorCode(failed)));
        }

        Assert.DoesNotContain(outcomes, o => o.Outcome == "crashed");
        // The links and what they point to are left as they were; nothing was written beside the four folders.
        Assert.Equal(untouched, Snapshot(folders.Root, except: [folders.Output, folders.Archive, folders.Failed, folders.Inbox]));
        Assert.Equal(inboxBefore.Keys.Where(k => !inputs.Any(i => i.Name == k)).Order(StringComparer.Ordinal),
            Snapshot(folders.Inbox, except: []).Keys.Order(StringComparer.Ordinal));
        Report(outcomes);
    }

    [Fact]
    public async Task Convert_FuzzedFolder_EveryInputHasOneOutputOrErrorFileAndNoneCrashed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDir();
        var inputs = FuzzInputs.Generate(Seed + 1, Math.Max(10, Count / 2), Letters());
        log.WriteLine($"seed {Seed + 1}");
        var folder = temp.Sub("in");
        foreach (var input in inputs)
        {
            File.WriteAllBytes(Path.Combine(folder, input.Name), input.Content);
        }

        var output = Path.Combine(temp.Path, "out");
        var (exit, text) = await WorkerProcess.RunAsync(temp.Path, RunLimit,
            "convert", folder, "--out", output, "--format", "json", "--timeout", "60", "--parallelism", "2");

        Assert.True(exit is 0 or 2, $"exit {exit}\n{text}");
        var outcomes = new List<(string Kind, string Outcome)>();
        foreach (var input in inputs)
        {
            var stem = Path.Combine(output, OutputNames.Stem(input.Name));
            var converted = File.Exists(stem + ".json");
            Assert.True(converted ^ File.Exists(stem + ".error.json"), $"{input.Name}: expected exactly one of .json and .error.json");
            outcomes.Add((input.Kind, converted ? "converted" : ErrorCode(stem + ".pdf")));
        }

        Assert.Equal(inputs.Count, Directory.GetFiles(output).Length);
        Assert.Equal(["in", "out"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(outcomes, o => o.Outcome == "crashed");
        Report(outcomes);
    }

    private static List<byte[]> Letters() =>
        [.. Corpus.Pdfs("letters").Concat(Corpus.Pdfs("real").Take(4)).Select(File.ReadAllBytes)];

    /// <summary>Links in the inbox: to a folder outside it, to the inbox itself, to a private file outside, to an input inside.</summary>
    [UnsupportedOSPlatform("windows")]
    private static void Links(string root, string inbox, string insideTarget)
    {
        var outside = Path.Combine(root, "outside");
        Directory.CreateDirectory(outside);
        File.Copy(Corpus.File("letters", "navo-2022-11.kst.serif.pdf"), Path.Combine(outside, "elsewhere.pdf"));
        File.Copy(Corpus.File("letters", "navo-2022-11.brief.carlito.pdf"), Path.Combine(outside, "private.pdf"));
        File.SetUnixFileMode(Path.Combine(outside, "private.pdf"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.CreateSymbolicLink(Path.Combine(inbox, "linked-folder"), outside);
        Directory.CreateSymbolicLink(Path.Combine(inbox, "self"), inbox);
        File.CreateSymbolicLink(Path.Combine(inbox, "private-link.pdf"), Path.Combine(outside, "private.pdf"));
        File.CreateSymbolicLink(Path.Combine(inbox, "inside-link.pdf"), Path.Combine(inbox, insideTarget));
    }

    /// <summary>Every file and link below <paramref name="folder"/> (not entering links), with its content hash and mode.</summary>
    [UnsupportedOSPlatform("windows")]
    private static SortedDictionary<string, string> Snapshot(string folder, string[] except)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<string>([folder]);
        while (pending.Count > 0)
        {
            foreach (var entry in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(folder, entry.FullName);
                if (except.Any(e => entry.FullName == Path.GetFullPath(e)))
                {
                    continue;
                }

                if (entry.LinkTarget is not null)
                {
                    snapshot[relative] = "link → " + entry.LinkTarget;
                }
                else if (entry is DirectoryInfo)
                {
                    pending.Push(entry.FullName);
                }
                else
                {
                    snapshot[relative] = $"{Sha(File.ReadAllBytes(entry.FullName))} {File.GetUnixFileMode(entry.FullName)}";
                }
            }
        }

        return snapshot;
    }

    private static string ErrorCode(string input)
    {
        var error = Path.Combine(Path.GetDirectoryName(input)!, OutputNames.Segment(Path.GetFileNameWithoutExtension(input)) + ".error.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(error));
        return json.RootElement.GetProperty("code").GetString()!;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private void Report(List<(string Kind, string Outcome)> outcomes)
    {
        log.WriteLine($"{outcomes.Count} inputs");
        foreach (var kind in outcomes.GroupBy(o => o.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            log.WriteLine($"{kind.Key}: {string.Join(", ", kind.GroupBy(o => o.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))}");
        }
    }
}
