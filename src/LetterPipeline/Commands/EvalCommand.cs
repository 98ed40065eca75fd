using System.CommandLine;
using LetterPipeline.Evaluation;

namespace LetterPipeline.Commands;

/// <summary><c>letterpipe eval &lt;gold-dir&gt; &lt;out-dir&gt; [--per-doc]</c>: tools/score.py's figures, computed in C#.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var goldDir = new Argument<string>("gold-dir") { Description = "Folder with NAME.gold.json files." };
        var outDir = new Argument<string>("out-dir") { Description = "Folder with the NAME.json outputs of convert." };
        var perDoc = new Option<bool>("--per-doc")
        {
            Description = "Also print each document's counts (the same JSON as `score.py --json`).",
        };
        var command = new Command("eval", "Score converted letters against gold files; prints the summary figures as JSON. Exit 1: usage error.")
        {
            goldDir,
            outDir,
            perDoc,
        };
        command.SetAction(result => Run(result.GetValue(goldDir)!, result.GetValue(outDir)!, result.GetValue(perDoc)));
        return command;
    }

    private static int Run(string goldDir, string outDir, bool perDoc)
    {
        if (!Directory.Exists(goldDir))
        {
            Console.Error.WriteLine($"letterpipe: no such folder: {goldDir}");
            return 1;
        }

        try
        {
            var report = CorpusEvaluator.Evaluate(goldDir, outDir);
            Console.Out.Write((perDoc ? report.FullJson() : report.SummaryJson()) + "\n");
            return 0;
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine($"letterpipe: {ex.Message}");
            return 1;
        }
    }
}
