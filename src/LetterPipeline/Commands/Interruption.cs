using System.Runtime.InteropServices;

namespace LetterPipeline.Commands;

/// <summary>
/// Ctrl+C and SIGTERM for a batch command that must not die in the middle of writing (<c>convert</c>): the first
/// signal stops taking new files and lets the ones in flight finish; a second abandons those too. Either way the
/// command itself ends: it syncs, reports and exits 130.
/// </summary>
internal sealed class Interruption : IDisposable
{
    public const int ExitCode = 130;

    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource abandon = new();
    private readonly PosixSignalRegistration[] registrations;

    public Interruption()
    {
        registrations = [Register(PosixSignal.SIGINT), Register(PosixSignal.SIGTERM)];
    }

    /// <summary>Cancelled by the first signal: take no new files.</summary>
    public CancellationToken Stopping => stop.Token;

    /// <summary>Cancelled by the second signal: give up the files in flight.</summary>
    public CancellationToken Abandoning => abandon.Token;

    public bool Interrupted => stop.IsCancellationRequested;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        stop.Dispose();
        abandon.Dispose();
    }

    private PosixSignalRegistration Register(PosixSignal signal) => PosixSignalRegistration.Create(signal, context =>
    {
        // Not the runtime's default (ending the process at once): the command ends on its own, cleanly.
        context.Cancel = true;
        if (stop.IsCancellationRequested)
        {
            abandon.Cancel();
        }
        else
        {
            Console.Error.WriteLine("letterpipe: interrupted; finishing the files in progress (again to abandon them)");
            stop.Cancel();
        }
    });
}
