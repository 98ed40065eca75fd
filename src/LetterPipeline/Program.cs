using System.CommandLine;
using LetterPipeline.Commands;
using LetterPipeline.Isolation;

var root = new RootCommand("letterpipe: Dutch parliamentary letters (PDF) to structured JSON and Word, with reference tracking.");
root.Subcommands.Add(ConvertCommand.Create());
root.Subcommands.Add(ChildCommand.Create());
return await root.Parse(args).InvokeAsync();
