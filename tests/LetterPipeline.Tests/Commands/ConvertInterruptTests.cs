using System.Globalization;
using System.Text;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Commands;

/// <summary>Ctrl+C or SIGTERM during <c>convert</c>: the real program, as its own process.</summary>
[Collection(nameof(LetterPipeline.Tests.Isolation.ConversionPoolTests))]
public sealed class ConvertInterruptTests
{
    private const int Documents = 12;

    [Theory]
    [InlineData("INT", 1)]
    [InlineData("TERM", 1)]
    [InlineData("INT", 2)]
    public async Task Convert_Interrupted_StopsTakingFilesLeavesOnlyWholeOutputsReportsAndExits130(string signal, int times)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix signals.
        }

        using var temp = new TempDir();
        var inputs = temp.Sub("in");
        var output = temp.Sub("out");
        // Distinct 65-page documents: about a second each, so the batch is surely still running at the signal.
        var letter = File.ReadAllBytes(Corpus.File("real", "dpia-coronamelder.pdf"));
        for (var i = 0; i < Documents; i++)
        {
            File.WriteAllBytes(Path.Combine(inputs, $"dpia-{i:00}.pdf"), [.. letter, .. Encoding.ASCII.GetBytes($"\n%copy {i}\n")]);
        }

        using var convert = WorkerProcess.Start(temp.Path, ["convert", inputs, "--out", output, "--parallelism", "1", "--timeout", "60"]);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (Directory.GetFiles(output, "*.docx").Length < 1 && !convert.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        for (var i = 0; i < times; i++)
        {
            await Signal(signal, convert.ProcessId);
            await Task.Delay(300);
        }

        var exit = await convert.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exit == 130, $"exit {exit}\n{convert.Output}");
        Assert.Contains(" converted, 0 failed", convert.Output, StringComparison.Ordinal);
        Assert.Contains("letterpipe: interrupted:", convert.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output, ".*"));
        var jsons = Directory.GetFiles(output, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var docxs = Directory.GetFiles(output, "*.docx").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(jsons, docxs);
        Assert.InRange(jsons.Count, 1, Documents - 1);
        Assert.Contains($"{jsons.Count} converted, 0 failed", convert.Output, StringComparison.Ordinal);
    }

    private static async Task Signal(string signal, int processId)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", processId.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
