using System.CommandLine;
using System.CommandLine.Invocation;
using LetterPipeline.Commands;
using LetterPipeline.Isolation;

var root = new RootCommand("letterpipe: Dutch parliamentary letters (PDF) to structured JSON and Word, with reference tracking.");
root.Subcommands.Add(ConvertCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(RetryCommand.Create());
root.Subcommands.Add(ReconvertCommand.Create());
root.Subcommands.Add(RefsCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ChildCommand.Create());
SettingsHelp.Install(root);

var parsed = root.Parse(args);
if (parsed.Action is ParseErrorAction)
{
    // One line per mistake with the nearest valid name, not the whole help.
    return UsageErrors.Report(parsed, Console.Error);
}

try
{
    // The worker's host handles SIGTERM/Ctrl+C itself and lets in-flight documents finish.
    return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    // The environment (a folder that cannot be written, a full disk): said in one line, like every other refusal.
    await Console.Error.WriteLineAsync($"letterpipe: {ex.Message}");
    return 1;
}
#pragma warning disable CA1031 // The last line of defence: a bug is reported in one line too, its stack trace on request.
catch (Exception ex)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync(Environment.GetEnvironmentVariable("LETTERPIPE_DEBUG") is { Length: > 0 }
        ? $"letterpipe: internal error: {ex}"
        : $"letterpipe: internal error ({ex.GetType().Name}): {ex.Message} (a bug: please report it; LETTERPIPE_DEBUG=1 shows where it happened)");
    return 1;
}
