namespace LetterPipeline.Evaluation.Tests;

/// <summary>
/// The quality the converter must keep: <c>letterpipe convert</c> over the corpus, then the figures of
/// <c>letterpipe eval</c> (which equal tools/score.py's; see <see cref="EvalParityTests"/>) against thresholds.
/// </summary>
[Trait("Category", "Quality")]
public sealed class CorpusQualityTests : IDisposable
{
    private static readonly string Letterpipe = Path.Combine(AppContext.BaseDirectory, "letterpipe.dll");

    private readonly string temp = Directory.CreateTempSubdirectory("letterpipe-quality-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void ConvertAndEval_CorpusLetters_MeetQualityThresholds()
    {
        var s = ConvertAndEvaluate("letters");

        AssertAll(s,
            ("title_acc == 1.0", s.TitleAcc == 1.0),
            ("heading_recall >= 0.98", s.HeadingRecall >= 0.98),
            ("heading_level_acc >= 0.98", s.HeadingLevelAcc >= 0.98),
            ("paragraph_exact >= 0.95", s.ParagraphExact >= 0.95),
            ("word_recall >= 0.995", s.WordRecall >= 0.995),
            ("word_precision >= 0.995", s.WordPrecision >= 0.995),
            ("leaks == 0", s.Leaks == 0),
            ("footnote_exact >= 0.98", s.FootnoteExact >= 0.98),
            ("marker_link_acc >= 0.98", s.MarkerLinkAcc >= 0.98),
            ("kamerstuk_meta_acc == 1.0", s.KamerstukMetaAcc == 1.0),
            ("ref_recall >= 0.99", s.RefRecall >= 0.99),
            ("ref_precision >= 0.99", s.RefPrecision >= 0.99),
            ("ref_date_acc >= 0.98", s.RefDateAcc >= 0.98),
            ("missing == 0", s.Missing == 0));
    }

    [Fact]
    public void ConvertAndEval_RealPdfsWithGold_MeetQualityThresholds()
    {
        var s = ConvertAndEvaluate("real");

        AssertAll(s,
            ("footnote_exact >= 0.90", s.FootnoteExact >= 0.90),
            ("marker_link_acc >= 0.90", s.MarkerLinkAcc >= 0.90),
            ("no footnote, furniture or page number in the body", s.Leaks == 0),
            ("ref_recall >= 0.95", s.RefRecall >= 0.95),
            ("ref_precision >= 0.97", s.RefPrecision >= 0.97),
            ("missing == 0", s.Missing == 0));
    }

    // Converts only the PDFs that have gold, through the real command line.
    private EvalSummary ConvertAndEvaluate(string folder)
    {
        var goldDir = RepoFiles.Path("tests", "corpus", folder);
        var pdfs = Directory.GetFiles(goldDir, "*.gold.json").Select(g => g[..^".gold.json".Length] + ".pdf").ToArray();
        Processes.Run("dotnet", [Letterpipe, "convert", .. pdfs, "--out", temp]);
        return CorpusEvaluator.Evaluate(goldDir, temp).Summary;
    }

    private static void AssertAll(EvalSummary summary, params (string Rule, bool Holds)[] checks)
    {
        var broken = checks.Where(c => !c.Holds).Select(c => c.Rule).ToList();
        Assert.True(broken.Count == 0, $"thresholds not met: {string.Join(", ", broken)}\nfigures: {new EvalReport<EvalSummary>(summary, []).SummaryLine()}");
    }
}
