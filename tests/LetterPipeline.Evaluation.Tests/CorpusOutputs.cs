using LetterPipeline.Core;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Evaluation.Tests;

/// <summary>The JSON outputs of the converter for the PDFs of a corpus folder that have gold.</summary>
internal static class CorpusOutputs
{
    public static void Convert(string goldDir, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var converter = new LetterConverter([new JsonLetterWriter()]);
        foreach (var name in GoldNames(goldDir))
        {
            // A PDF that does not convert leaves an error file: the scorers count it as missing.
            converter.Convert(Path.Combine(goldDir, name + ".pdf"), Path.Combine(outDir, name));
        }
    }

    public static IReadOnlyList<string> GoldNames(string goldDir) =>
        [.. Directory.GetFiles(goldDir, "*.gold.json").Select(p => Path.GetFileName(p)[..^".gold.json".Length]).Order(StringComparer.Ordinal)];
}
