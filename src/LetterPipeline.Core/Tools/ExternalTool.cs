using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace LetterPipeline.Core.Tools;

/// <summary>What an external program printed and how it ended.</summary>
internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// A command-line program the converter runs for what PdfPig cannot do (qpdf, pdftoppm, tesseract), found on the
/// PATH. Each run is a child process tied to the document's cancellation: when the document's time is up, the
/// program and anything it started are killed, so a stuck tool never outlives its document.
/// </summary>
/// <param name="name">The executable's name, looked up on the PATH.</param>
/// <param name="package">The Debian package that installs it, named in messages when it is missing.</param>
internal sealed class ExternalTool(string name, string package)
{
    private readonly Lazy<string?> path = new(() => FindOnPath(name));

    /// <summary>The executable's name.</summary>
    public string Name { get; } = name;

    /// <summary>The Debian package that installs it.</summary>
    public string Package { get; } = package;

    /// <summary>True when the program is on the PATH.</summary>
    public bool IsAvailable => path.Value is not null;

    /// <summary>
    /// Runs the program to its end and returns its exit code and output. Throws <see cref="OperationCanceledException"/>
    /// (after killing the process tree) when <paramref name="cancellationToken"/> fires first, and
    /// <see cref="InvalidOperationException"/> when the program is not installed.
    /// </summary>
    public ToolResult Run(IEnumerable<string> arguments, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo(path.Value ?? throw new InvalidOperationException($"{Name} is not installed (Debian package {Package})."))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"{Name} could not be started (Debian package {Package}): {ex.Message}", ex);
        }

        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using (cancellationToken.Register(() => Kill(process)))
        {
            process.WaitForExit();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ToolResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
