using System.Diagnostics;

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

    /// <summary><c>python3 tools/score.py GOLD OUT --json</c>, without the trailing newline of print().</summary>
    public static string ScorePyJson(string goldDir, string outDir) =>
        Run("python3", RepoFiles.Path("tools", "score.py"), goldDir, outDir, "--json").TrimEnd('\n');
}
