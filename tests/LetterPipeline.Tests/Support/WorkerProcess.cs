using System.Diagnostics;
using System.Text;
using LetterPipeline.Isolation;

namespace LetterPipeline.Tests.Support;

/// <summary>The real <c>letterpipe</c> executable, started as its own process in a working folder.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private WorkerProcess(Process process) => this.process = process;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int ProcessId => process.Id;

    public static WorkerProcess Start(string workingDirectory, IEnumerable<string> arguments)
    {
        var info = SelfLauncher.StartInfo(arguments);
        info.WorkingDirectory = workingDirectory;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        // The test host's environment must not leak settings into the worker.
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        var worker = new WorkerProcess(new Process { StartInfo = info });
        worker.process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        worker.process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        worker.process.Start();
        worker.process.BeginOutputReadLine();
        worker.process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Runs to the end; a worker still running after <paramref name="limit"/> is killed and fails the test.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, TimeSpan limit, params string[] arguments)
    {
        using var worker = Start(workingDirectory, arguments);
        var exit = await worker.WaitAsync(limit);
        return (exit, worker.Output);
    }

    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"letterpipe did not finish within {limit}:\n{Output}");
        }

        // WaitForExitAsync also waits for the redirected streams to close.
        return process.ExitCode;
    }

    /// <summary>SIGKILL on Unix: no shutdown code runs.</summary>
    public void Kill() => process.Kill(entireProcessTree: false);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
