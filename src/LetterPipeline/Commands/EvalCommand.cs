using System.CommandLine;
using LetterPipeline.Evaluation;

namespace LetterPipeline.Commands;

/// <summary>
/// <c>letterpipe eval &lt;gold-dir&gt; &lt;out-dir&gt; [--per-doc] [--real]</c>: the figures of tools/score.py, or with
/// <c>--real</c> those of tools/score_real.py, computed in C#.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var goldDir = new Argument<string>("gold-dir") { Description = "Folder with NAME.gold.json files." };
        var outDir = new Argument<string>("out-dir") { Description = "Folder with the NAME.json outputs of convert." };
        var perDoc = new Option<bool>("--per-doc")
        {
            Description = "Print one JSON document with the summary and each document's counts.",
        };
        var real = new Option<bool>("--real")
        {
            Description = "Score real documents' partial gold with tools/score_real.py's metrics (each field where its gold states it).",
        };
        var command = new Command("eval", "Score converted letters against gold files; prints the summary figures as JSON. Exit 1: usage error or invalid gold.")
        {
            goldDir,
            outDir,
            perDoc,
            real,
        };
        command.SetAction(result => Run(result.GetValue(goldDir)!, result.GetValue(outDir)!, result.GetValue(perDoc), result.GetValue(real)));
        return command;
    }

    private static int Run(string goldDir, string outDir, bool perDoc, bool real)
    {
        if (!Directory.Exists(goldDir))
        {
            Console.Error.WriteLine($"letterpipe: no such folder: {goldDir}");
            return 1;
        }

        try
        {
            var text = real ? Print(CorpusEvaluator.EvaluateReal(goldDir, outDir), perDoc) : Print(CorpusEvaluator.Evaluate(goldDir, outDir), perDoc);
            Console.Out.Write(text + "\n");
            return 0;
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine($"letterpipe: {ex.Message}");
            return 1;
        }
    }

    private static string Print<TSummary>(EvalReport<TSummary> report, bool perDoc)
        where TSummary : IFigures =>
        perDoc ? report.ToJson() : report.SummaryLine();
}
