using System.Text.Json;
using System.Text.Json.Nodes;
using LetterPipeline.Core.Reading;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Evaluation.Tests;

/// <summary>The converter's outputs for tests/corpus/real-2, made once for the tests that score them.</summary>
public sealed class RealOutputs : IDisposable
{
    public static readonly string GoldDir = RepoFiles.Path("tests", "corpus", "real-2");

    public RealOutputs() => CorpusOutputs.Convert(GoldDir, Dir);

    public string Dir { get; } = Directory.CreateTempSubdirectory("letterpipe-real2-").FullName;

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}

/// <summary>
/// <c>letterpipe eval --real</c> and tools/score_real.py must report the same figures on the same outputs: each
/// document's counts, and the summary to 4 decimals.
/// </summary>
public sealed class EvalRealParityTests(RealOutputs converted) : IClassFixture<RealOutputs>, IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("letterpipe-eval-real-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    // The damages that touch what score_real.py scores (it has no word, paragraph or Kamerstuk identity metric).
    public static TheoryData<string> DamageNames => new(
        "missing-heading", "wrong-levels", "leaked-footer", "wrong-footnotes", "missing-references", "moved-markers", "footnote-in-body");

    [Fact]
    public void EvaluateReal_ConvertOutputsOfReal2_SameFiguresAsScoreRealPy()
    {
        var report = AssertSameAsScoreRealPy(RealOutputs.GoldDir, converted.Dir);

        // A PDF that does not convert (an error file instead) is scored as missing, on every field its gold states.
        var names = CorpusOutputs.GoldNames(RealOutputs.GoldDir);
        var outputs = names.Count(n => File.Exists(Path.Combine(converted.Dir, n + ".json")));
        Assert.Equal((names.Count, (double)outputs / names.Count), (report.Summary.Docs, report.Summary.Converted));
        Assert.NotNull(report.Summary.HeadingRecall);
    }

    [Fact]
    public void EvaluateReal_ConvertOutputsOfRealWithScorePyGold_SameFiguresAsScoreRealPy()
    {
        var goldDir = RepoFiles.Path("tests", "corpus", "real");
        CorpusOutputs.Convert(goldDir, temp);

        var report = AssertSameAsScoreRealPy(goldDir, temp);

        // These golds state no title, date or headings: only footnotes, markers and references are scored.
        Assert.Null(report.Summary.HeadingRecall);
        Assert.Equal(11, report.Summary.Docs);
    }

    [Theory]
    [MemberData(nameof(DamageNames))]
    public void EvaluateReal_DamagedConvertOutputs_SameFiguresAsScoreRealPy(string damage)
    {
        var undamaged = Counts(CorpusEvaluator.EvaluateReal(RealOutputs.GoldDir, converted.Dir));
        foreach (var output in Directory.GetFiles(converted.Dir, "*.json").Where(f => !f.EndsWith(".error.json", StringComparison.Ordinal)))
        {
            var name = Path.GetFileName(output)[..^".json".Length];
            using var gold = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RealOutputs.GoldDir, name + ".gold.json")));
            var furniture = gold.RootElement.GetProperty("furniture").EnumerateArray().Select(f => f.GetString()!).ToList();
            var letter = GoldOutputs.Damages[damage](JsonLetterReader.Read(output), furniture);
            using var stream = File.Create(Path.Combine(temp, name + ".json"));
            new JsonLetterWriter().Write(letter, stream);
        }

        var report = AssertSameAsScoreRealPy(RealOutputs.GoldDir, temp);

        // The damage must show in some document's counts, or this test compares two unchanged scores.
        Assert.NotEqual(undamaged, Counts(report));
    }

    [Fact]
    public void EvaluateReal_OutputsWithLetterheadAndHeaderFields_SameFiguresAsScoreRealPy()
    {
        // The fields the converter does not write yet, added as the JSON will carry them: some as the gold states
        // them up to case and quotes, some wrong.
        foreach (var output in Directory.GetFiles(converted.Dir, "*.json"))
        {
            var name = Path.GetFileName(output)[..^".json".Length];
            var json = JsonNode.Parse(File.ReadAllText(output))!.AsObject();
            if (!name.EndsWith(".error", StringComparison.Ordinal))
            {
                var gold = JsonNode.Parse(File.ReadAllText(Path.Combine(RealOutputs.GoldDir, name + ".gold.json")))!.AsObject();
                json["title"] = gold["title"]?.GetValue<string>().ToUpperInvariant() + ".";
                var letterhead = gold["letterhead"]?.AsObject();
                json["letterhead"] = new JsonObject
                {
                    ["subject"] = "‘" + letterhead?["subject"]?.GetValue<string>() + "’",
                    ["reference"] = letterhead?["reference"]?.GetValue<string>() + "-1",
                };
                if (json["kamerstuk"] is JsonObject kamerstuk)
                {
                    kamerstuk["dossierTitle"] = gold["dossierTitle"]?.GetValue<string>().ToLowerInvariant();
                    kamerstuk["documentKind"] = "MEMORIE VAN TOELICHTING";
                }
            }

            File.WriteAllText(Path.Combine(temp, Path.GetFileName(output)), json.ToJsonString());
        }

        var s = AssertSameAsScoreRealPy(RealOutputs.GoldDir, temp).Summary;

        Assert.Equal((0.0, 0.0), (s.ReferenceAcc, s.DocumentKindAcc));
        Assert.True(s.TitleAcc > 0 && s.SubjectAcc == 1.0 && s.DossierTitleAcc > 0, $"title {s.TitleAcc}, subject {s.SubjectAcc}, dossier title {s.DossierTitleAcc}");
    }

    private static string[] Counts(EvalReport<RealSummary> report) =>
        [.. report.Documents.SelectMany(d => d.Value.Select(f => $"{d.Key}.{f.Name}={f.FormattedValue}"))];

    private static EvalReport<RealSummary> AssertSameAsScoreRealPy(string goldDir, string outDir)
    {
        using var expected = Processes.ReferenceScores("score_real.py", goldDir, outDir);
        var report = CorpusEvaluator.EvaluateReal(goldDir, outDir);
        ReferenceFigures.AssertSame(expected, report);
        return report;
    }
}
