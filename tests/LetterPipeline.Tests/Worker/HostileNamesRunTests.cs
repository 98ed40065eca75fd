using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Worker;

/// <summary><c>run --once</c>, the real program, on inputs whose names are hostile: too long, made of dots, full of escape sequences.</summary>
[Collection(nameof(LetterPipeline.Tests.Isolation.ConversionPoolTests))]
public sealed class HostileNamesRunTests
{
    private static readonly TimeSpan PassLimit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task RunOnce_LongNameAndDotName_ConvertsArchivesAndWritesNothingOutsideItsFolders()
    {
        using var folders = new WorkerFolders();
        foreach (var pdf in Directory.GetFiles(Corpus.Dir("fuzz/D2-long-file-name")))
        {
            File.Copy(pdf, Path.Combine(folders.Inbox, Path.GetFileName(pdf)));
        }

        File.Copy(Corpus.File("fuzz/D5-dot-names-escape-out", "..pdf"), Path.Combine(folders.Inbox, "..pdf"));

        var (exit, output) = await WorkerProcess.RunAsync(folders.Root, PassLimit, folders.RunOnce(documentTimeoutSeconds: 59));
        var (again, secondOutput) = await WorkerProcess.RunAsync(folders.Root, PassLimit, folders.RunOnce(documentTimeoutSeconds: 59));

        Assert.True(exit == 0, $"exit {exit}\n{output}");
        Assert.True(again == 0, $"exit {again}\n{secondOutput}");
        Assert.Contains("Pass done: 0 converted, 0 quarantined", secondOutput, StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(folders.Archive).Length);
        Assert.Equal(3, Directory.GetFiles(folders.Output, "*.docx").Length);
        // A name starting with a dot is hidden, as an upload in progress is: left where it is, and nothing written next to the output.
        Assert.Equal(["..pdf"], Directory.GetFiles(folders.Inbox).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(folders.Root));
    }

    [Fact]
    public async Task RunOnce_FileNamedWithEscapeSequences_IsLoggedEscaped()
    {
        using var folders = new WorkerFolders();
        var hostile = "evil\u001b]0;pwned\u0007\u001b[2J.pdf";
        File.Copy(Corpus.File("letters", "navo-2022-11.kst.serif.pdf"), Path.Combine(folders.Inbox, hostile));
        File.WriteAllText(Path.Combine(folders.Inbox, "broken\u001b[31m.pdf"), "%PDF-1.4\nnot really\n%%EOF\n");

        var (exit, output) = await WorkerProcess.RunAsync(folders.Root, PassLimit, folders.RunOnce(documentTimeoutSeconds: 59));

        Assert.True(exit == 2, $"exit {exit}\n{output}");
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u0007', output);
        Assert.Contains("evil\\u001B]0;pwned\\u0007\\u001B[2J.pdf converted", output, StringComparison.Ordinal);
        Assert.Contains("broken\\u001B[31m.pdf quarantined", output, StringComparison.Ordinal);
    }
}
