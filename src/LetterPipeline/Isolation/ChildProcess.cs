using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LetterPipeline.Core;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Isolation;

/// <summary>One running <c>letterpipe child</c>; converts one document at a time and reports how it died if it does.</summary>
internal sealed class ChildProcess : IDisposable
{
    private const int StderrTailChars = 4096;

    // Start-up is JIT and runtime loading; generous because two cores may be shared with other work.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder stderrTail = new();

    private int processId;

    private ChildProcess(Process process)
    {
        this.process = process;
    }

    /// <summary>False once the child has exited or was killed; it must then be replaced.</summary>
    public bool IsAlive { get; private set; } = true;

    public int ProcessId => processId;

    /// <summary>The child's gen-0 garbage collection budget: about what converting a long letter allocates.</summary>
    private const long Gen0BudgetBytes = 32 << 20;

    /// <summary>Starts a child and waits until it is ready for its first document.</summary>
    public static async Task<ChildProcess> StartAsync(int memoryLimitMb)
    {
        var info = SelfLauncher.StartInfo([ChildCommand.Name]);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        info.StandardInputEncoding = utf8;
        info.StandardOutputEncoding = utf8;
        info.StandardErrorEncoding = utf8;
        // A hard heap limit makes a decompression bomb fail with OutOfMemoryException inside the child
        // instead of exhausting the machine. The runtime reads it as hexadecimal bytes.
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ((long)memoryLimitMb * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_gcServer"] = "0";
        // A child converts one document after another, each leaving megabytes of garbage (PdfPig's tokens and glyphs):
        // with a gen-0 budget that holds a document's worth, most documents end between two collections and little
        // of what a collection finds alive has to be copied. Measured on the bench set: 8-15 % less CPU per child,
        // about 25 MB more resident.
        info.Environment["DOTNET_GCgen0size"] = "0x" + Gen0BudgetBytes.ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.ErrorDataReceived += (_, e) => child.KeepStderr(e.Data);
        process.Start();
        child.processId = process.Id;
        process.BeginErrorReadLine();
        using var patience = new CancellationTokenSource(StartTimeout);
        string? first;
        try
        {
            first = await process.StandardOutput.ReadLineAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            first = null;
        }

        if (first != ChildCommand.ReadyLine)
        {
            var stderr = child.StderrTail();
            child.Dispose();
            throw new InvalidOperationException($"The converter process did not start ({info.FileName} {string.Join(' ', info.ArgumentList)}): {stderr}");
        }

        return child;
    }

    /// <summary>Converts one document; a hang, crash or memory exhaustion becomes that document's failure.</summary>
    public async Task<ConversionOutcome> ConvertAsync(ChildRequest request, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request, ChildProtocol.Default.ChildRequest));
            await process.StandardInput.FlushAsync();
        }
        catch (IOException)
        {
            return await DiedAsync(request, clock);
        }

        var line = process.StandardOutput.ReadLineAsync();
        using var deadline = new CancellationTokenSource();
        var finished = await Task.WhenAny(line, Task.Delay(timeout, deadline.Token));
        deadline.Cancel();
        if (finished != line && !line.IsCompleted)
        {
            Kill();
            RemoveTempFiles(request);
            return ConversionOutcome.Failure(request.Input, FailureCode.Timeout,
                $"Conversion did not finish within the time limit of {timeout.TotalSeconds:0.#} s; the converter process was stopped.",
                "parse", clock.ElapsedMilliseconds);
        }

        var reply = await line;
        if (reply is null)
        {
            var died = await DiedAsync(request, clock);
            RemoveTempFiles(request);
            return died;
        }

        var answer = JsonSerializer.Deserialize(reply, ChildProtocol.Default.ChildReply)!;
        if (answer.Exiting)
        {
            // The child exits after an OutOfMemoryException; do not hand it another document. A file the
            // input guard refused as too large leaves the child healthy: it stays in the pool.
            await WaitForExitAsync();
        }

        return answer.ToOutcome() with { Milliseconds = clock.ElapsedMilliseconds };
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private async Task<ConversionOutcome> DiedAsync(ChildRequest request, Stopwatch clock)
    {
        await WaitForExitAsync();
        var stderr = StderrTail();
        var exit = process.HasExited ? process.ExitCode : -1;
        if (stderr.Contains("OutOfMemory", StringComparison.OrdinalIgnoreCase) || stderr.Contains("Out of memory", StringComparison.OrdinalIgnoreCase))
        {
            return ConversionOutcome.Failure(request.Input, FailureCode.TooLarge,
                "The converter process ran out of memory (memory limit per document).", "parse", clock.ElapsedMilliseconds);
        }

        var cause = stderr.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase)
            ? "a stack overflow"
            : $"exit code {exit}";
        var firstLine = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return ConversionOutcome.Failure(request.Input, FailureCode.Crashed,
            $"The converter process died on this document ({cause}). {firstLine}".TrimEnd(), "parse", clock.ElapsedMilliseconds);
    }

    /// <summary>
    /// A child stopped while writing leaves AtomicFile's temporary files beside the outputs; the final names were never
    /// touched. A child works on one document at a time, so every temporary file it wrote there is this document's.
    /// </summary>
    private void RemoveTempFiles(ChildRequest request)
    {
        var directory = Path.GetDirectoryName(request.OutputStem);
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }

        foreach (var temp in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            if (AtomicFile.IsTemporary(Path.GetFileName(temp), out var writer) && writer == processId)
            {
                File.Delete(temp);
            }
        }
    }

    private async Task WaitForExitAsync()
    {
        IsAlive = false;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    private void Kill()
    {
        IsAlive = false;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Not started or already gone.
        }
    }

    private void KeepStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (stderrTail)
        {
            // The first lines say what happened ("Stack overflow."); a stack trace can run to thousands more.
            if (stderrTail.Length < StderrTailChars)
            {
                stderrTail.AppendLine(line);
            }
        }
    }

    private string StderrTail()
    {
        // Stderr is read asynchronously: give the reader a moment to catch up with the process exit.
        process.WaitForExit(1000);
        lock (stderrTail)
        {
            return stderrTail.ToString();
        }
    }
}
