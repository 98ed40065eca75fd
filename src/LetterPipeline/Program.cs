using System.CommandLine;
using LetterPipeline.Commands;
using LetterPipeline.Isolation;

var root = new RootCommand("letterpipe: Dutch parliamentary letters (PDF) to structured JSON and Word, with reference tracking.");
root.Subcommands.Add(ConvertCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(RefsCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ChildCommand.Create());

// The worker's host handles SIGTERM/Ctrl+C itself and lets in-flight documents finish.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
