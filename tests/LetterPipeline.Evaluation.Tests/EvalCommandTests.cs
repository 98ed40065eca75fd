using System.Text.Json;

namespace LetterPipeline.Evaluation.Tests;

/// <summary>The <c>eval</c> command end to end, as a user runs it.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private static readonly string Letters = RepoFiles.Path("tests", "corpus", "letters");
    private static readonly string Letterpipe = Path.Combine(AppContext.BaseDirectory, "letterpipe.dll");

    private readonly string temp = Directory.CreateTempSubdirectory("letterpipe-eval-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Eval_DamagedOutputs_PrintsTheSummaryFiguresOfScorePy()
    {
        GoldOutputs.WriteAll(Letters, temp, _ => GoldOutputs.Damages["merge-paragraphs"]);

        var python = Processes.Run("python3", RepoFiles.Path("tools", "score.py"), Letters, temp).TrimEnd('\n').Split('\n')[^1];
        var csharp = Processes.Run("dotnet", Letterpipe, "eval", Letters, temp);

        Assert.EndsWith("}\n", csharp, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', csharp.TrimEnd('\n'));
        AssertSameSummary(python, csharp);
        Assert.Contains("\"paragraph_exact\": 0.", csharp, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_PerDoc_PrintsTheFiguresOfScorePyJson()
    {
        GoldOutputs.WriteAll(Letters, temp, _ => GoldOutputs.Damages["missing-heading"]);

        using var python = JsonDocument.Parse(Processes.Run("python3", RepoFiles.Path("tools", "score.py"), Letters, temp, "--json"));
        using var csharp = JsonDocument.Parse(Processes.Run("dotnet", Letterpipe, "eval", Letters, temp, "--per-doc"));

        ReferenceFigures.AssertSameSummary(python.RootElement.GetProperty("summary"), csharp.RootElement.GetProperty("summary"));
        Assert.Equal(
            python.RootElement.GetProperty("per_doc").EnumerateObject().Select(d => (d.Name, ReferenceFigures.Rounded(d.Value))),
            csharp.RootElement.GetProperty("per_doc").EnumerateObject().Select(d => (d.Name, ReferenceFigures.Rounded(d.Value))));
    }

    [Fact]
    public void Eval_Real_PrintsTheSummaryFiguresOfScoreRealPy()
    {
        GoldOutputs.WriteAll(Letters, temp, _ => GoldOutputs.Damages["leaked-footer"]);

        var python = Processes.Run("python3", RepoFiles.Path("tools", "score_real.py"), Letters, temp).TrimEnd('\n');
        var csharp = Processes.Run("dotnet", Letterpipe, "eval", Letters, temp, "--real");

        AssertSameSummary(python, csharp);
        Assert.Contains("\"title_acc\": 1.0", csharp, StringComparison.Ordinal);
        Assert.DoesNotContain("heading_recall", csharp, StringComparison.Ordinal); // these golds state no "headings"
    }

    [Fact]
    public void Eval_MissingGoldFolder_ExitsWithUsageError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Processes.Run("dotnet", Letterpipe, "eval", Path.Combine(temp, "nope"), temp));

        Assert.Contains("exited 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_GoldWithFieldOfWrongType_ExitsWithErrorNamingTheFile()
    {
        var gold = Directory.CreateDirectory(Path.Combine(temp, "gold")).FullName;
        File.WriteAllText(Path.Combine(gold, "brief.gold.json"), """{"title": "Brief", "footnotes": 3}""");

        var error = Assert.Throws<InvalidOperationException>(() => Processes.Run("dotnet", Letterpipe, "eval", gold, temp));

        Assert.Contains("exited 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("brief.gold.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("'footnotes' must be a JSON array", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSameSummary(string python, string csharp)
    {
        using var expected = JsonDocument.Parse(python);
        using var actual = JsonDocument.Parse(csharp);
        ReferenceFigures.AssertSameSummary(expected.RootElement, actual.RootElement);
    }
}
