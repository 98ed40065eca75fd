using System.CommandLine;
using LetterPipeline.Commands;

var root = new RootCommand("letterpipe: Dutch parliamentary letters (PDF) to structured JSON and Word, with reference tracking.");
root.Subcommands.Add(ConvertCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(RefsCommand.Create());
return await root.Parse(args).InvokeAsync();
