using System.CommandLine;
using LetterPipeline.Core;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Commands;

/// <summary><c>letterpipe convert &lt;file-or-folder&gt;... --out &lt;dir&gt;</c>.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "PDF files or folders (searched recursively for *.pdf).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Output folder; one <stem>.<format> per PDF and format, <stem>.error.json per failure.",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "Comma-separated output formats: json, docx.",
            DefaultValueFactory = _ => OutputFormats.Default,
        };
        format.Validators.Add(result =>
        {
            var formats = OutputFormats.Parse(result.GetValueOrDefault<string>() ?? "", out var unknown);
            if (unknown.Count > 0 || formats.Count == 0)
            {
                result.AddError($"--format takes a comma-separated list of json, docx; got '{result.GetValueOrDefault<string>()}'.");
            }
        });
        var command = new Command("convert", "Convert PDF letters to JSON and Word. Exit 0: all converted; 2: some failed; 1: usage error.")
        {
            inputs,
            output,
            format,
        };
        command.SetAction(result => Run(
            result.GetValue(inputs)!,
            result.GetValue(output)!,
            OutputFormats.Writers(OutputFormats.Parse(result.GetValue(format)!, out _))));
        return command;
    }

    private static int Run(string[] inputs, string outDir, IReadOnlyList<ILetterWriter> writers)
    {
        var jobs = InputFiles.Expand(inputs, outDir, out var missing);
        foreach (var path in missing)
        {
            Console.Error.WriteLine($"letterpipe: no such file or folder: {path}");
        }

        if (missing.Count > 0)
        {
            return 1;
        }

        var converter = new LetterConverter(new LetterParser(), writers);
        var failed = 0;
        foreach (var job in jobs)
        {
            var outcome = converter.Convert(job.Input, job.OutputStem);
            if (!outcome.Succeeded)
            {
                failed++;
                ErrorFile.Write(job.OutputStem + ".error.json", outcome, attempts: 1);
                Console.Error.WriteLine($"{job.Input}: {outcome.Code!.Value.ToCode()}: {outcome.Message}");
            }
        }

        Console.WriteLine($"{jobs.Count - failed} converted, {failed} failed");
        return failed == 0 ? 0 : 2;
    }
}
