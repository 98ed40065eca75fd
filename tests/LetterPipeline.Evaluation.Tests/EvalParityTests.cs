namespace LetterPipeline.Evaluation.Tests;

/// <summary>
/// <c>letterpipe eval</c> and tools/score.py must report the same figures on the same outputs: each document's counts,
/// and the summary to 4 decimals.
/// </summary>
public sealed class EvalParityTests : IDisposable
{
    private static readonly string Letters = RepoFiles.Path("tests", "corpus", "letters");

    private readonly string temp = Directory.CreateTempSubdirectory("letterpipe-eval-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    public static TheoryData<string> DamageNames => new(GoldOutputs.Damages.Keys);

    [Fact]
    public void Evaluate_GoldAsOutput_IsPerfectAndEqualToScorePy()
    {
        GoldOutputs.WriteAll(Letters, temp, _ => null);

        var report = AssertSameAsScorePy(Letters, temp);

        var s = report.Summary;
        Assert.Equal((8, 0, 0, 0), (s.Docs, s.Missing, s.Leaks, s.FootnoteCountDiff));
        Assert.All(Ratios(s), r => Assert.Equal(1.0, r));
    }

    [Theory]
    [MemberData(nameof(DamageNames))]
    public void Evaluate_DamagedOutputs_SameFiguresAsScorePy(string damage)
    {
        GoldOutputs.WriteAll(Letters, temp, _ => GoldOutputs.Damages[damage]);

        var report = AssertSameAsScorePy(Letters, temp);

        // The damage must show, or this test compares two perfect scores.
        Assert.True(report.Summary.Leaks > 0 || Ratios(report.Summary).Any(r => r < 1.0), $"{damage} left every figure perfect");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Evaluate_RandomlyEditedOutputs_SameFiguresAsScorePy(int seed)
    {
        GoldOutputs.WriteAll(Letters, temp, name => GoldOutputs.RandomEdits(seed * 7919 + name.Length));

        var report = AssertSameAsScorePy(Letters, temp);

        Assert.True(report.Summary.WordRecall < 1.0);
    }

    [Fact]
    public void Evaluate_EachLetterDamagedDifferentlyOneMissingOneUnreadable_SameFiguresAsScorePy()
    {
        var damages = GoldOutputs.Damages.Values.ToList();
        var names = CorpusOutputs.GoldNames(Letters).ToList();
        GoldOutputs.WriteAll(Letters, temp, name => damages[names.IndexOf(name) % damages.Count]);
        File.Delete(Path.Combine(temp, names[0] + ".json"));
        File.WriteAllText(Path.Combine(temp, names[1] + ".json"), "{\"title\": ");

        var report = AssertSameAsScorePy(Letters, temp);

        Assert.Equal(2, report.Summary.Missing);
    }

    [Theory]
    [InlineData("letters")]
    [InlineData("real")]
    public void Evaluate_ConvertOutputsOfCorpus_SameFiguresAsScorePy(string folder)
    {
        var goldDir = RepoFiles.Path("tests", "corpus", folder);
        CorpusOutputs.Convert(goldDir, temp);

        var report = AssertSameAsScorePy(goldDir, temp);

        Assert.Equal(CorpusOutputs.GoldNames(goldDir).Count, report.Summary.Docs);
    }

    private static EvalReport<EvalSummary> AssertSameAsScorePy(string goldDir, string outDir)
    {
        using var expected = Processes.ReferenceScores("score.py", goldDir, outDir);
        var report = CorpusEvaluator.Evaluate(goldDir, outDir);
        ReferenceFigures.AssertSame(expected, report);
        return report;
    }

    private static double[] Ratios(EvalSummary s) =>
    [
        s.TitleAcc, s.HeadingRecall, s.HeadingPrecision, s.HeadingLevelAcc, s.WordRecall, s.WordPrecision, s.ParagraphExact,
        s.FootnoteExact, s.MarkerLinkAcc, s.RefRecall, s.RefPrecision, s.RefDateAcc, s.KamerstukMetaAcc,
    ];
}
