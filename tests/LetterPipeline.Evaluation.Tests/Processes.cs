using System.Diagnostics;
using System.Text.Json;

namespace LetterPipeline.Evaluation.Tests;

/// <summary>Runs a command (python3 tools/score.py, or letterpipe itself) and returns its standard output.</summary>
internal static class Processes
{
    public static string Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoFiles.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout;
    }

    /// <summary><c>python3 tools/SCRIPT GOLD OUT --json</c>: the reference figures, summary and per document.</summary>
    public static JsonDocument ReferenceScores(string script, string goldDir, string outDir) =>
        JsonDocument.Parse(Run("python3", RepoFiles.Path("tools", script), goldDir, outDir, "--json"));
}
