namespace LetterPipeline.Evaluation;

/// <summary>
/// Scores a folder of <c>convert</c> outputs against a folder of gold files: for every <c>GOLD/NAME.gold.json</c>,
/// <c>OUT/NAME.json</c>. A missing or unreadable output (an error file instead, or nothing) scores as an empty letter.
/// </summary>
public static class CorpusEvaluator
{
    private const string GoldSuffix = ".gold.json";

    /// <summary>The metrics of <c>tools/score.py</c>: full gold, and the partial gold of <c>tests/corpus/real</c>.</summary>
    /// <exception cref="InvalidDataException">A gold file is not valid.</exception>
    public static EvalReport<EvalSummary> Evaluate(string goldDir, string outDir)
    {
        var documents = Score(goldDir, outDir, LetterScorer.Score);
        return new EvalReport<EvalSummary>(EvalSummary.Of([.. documents.Select(d => d.Counts)]), Figures(documents));
    }

    /// <summary>The metrics of <c>tools/score_real.py</c>: real documents' partial gold, each field where its gold states it.</summary>
    /// <exception cref="InvalidDataException">A gold file is not valid.</exception>
    public static EvalReport<RealSummary> EvaluateReal(string goldDir, string outDir)
    {
        var documents = Score(goldDir, outDir, RealScorer.Score);
        return new EvalReport<RealSummary>(RealSummary.Of([.. documents.Select(d => d.Counts)]), Figures(documents));
    }

    private static List<(string Name, TCounts Counts)> Score<TCounts>(string goldDir, string outDir, Func<GoldLetter, ConvertedLetter?, TCounts> score) =>
        [.. Directory.EnumerateFiles(goldDir, "*" + GoldSuffix)
            .Select(path => Path.GetFileName(path)[..^GoldSuffix.Length])
            .Where(name => !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(name => (name, score(
                GoldReader.Read(Path.Combine(goldDir, name + GoldSuffix)),
                ConvertedLetter.Read(Path.Combine(outDir, name + ".json")))))];

    private static List<KeyValuePair<string, IReadOnlyList<Figure>>> Figures<TCounts>(List<(string Name, TCounts Counts)> documents)
        where TCounts : IFigures =>
        [.. documents.Select(d => KeyValuePair.Create(d.Name, d.Counts.Figures))];
}
