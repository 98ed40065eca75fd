namespace LetterPipeline.Evaluation.Tests;

/// <summary>The <c>eval</c> command end to end, as a user runs it.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private static readonly string Letters = RepoFiles.Path("tests", "corpus", "letters");
    private static readonly string Letterpipe = Path.Combine(AppContext.BaseDirectory, "letterpipe.dll");

    private readonly string temp = Directory.CreateTempSubdirectory("letterpipe-eval-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Eval_DamagedOutputs_PrintsTheSummaryLineOfScorePy()
    {
        GoldOutputs.WriteAll(Letters, temp, _ => GoldOutputs.Damages["merge-paragraphs"]);

        var python = Processes.Run("python3", RepoFiles.Path("tools", "score.py"), Letters, temp).TrimEnd('\n').Split('\n')[^1];
        var csharp = Processes.Run("dotnet", Letterpipe, "eval", Letters, temp);

        Assert.Equal(python + "\n", csharp);
        Assert.Contains("\"paragraph_exact\": 0.", csharp, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_PerDoc_PrintsWhatScorePyJsonPrints()
    {
        GoldOutputs.WriteAll(Letters, temp, _ => GoldOutputs.Damages["missing-heading"]);

        var python = Processes.Run("python3", RepoFiles.Path("tools", "score.py"), Letters, temp, "--json");
        var csharp = Processes.Run("dotnet", Letterpipe, "eval", Letters, temp, "--per-doc");

        Assert.Equal(python, csharp);
    }

    [Fact]
    public void Eval_MissingGoldFolder_ExitsWithUsageError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Processes.Run("dotnet", Letterpipe, "eval", Path.Combine(temp, "nope"), temp));

        Assert.Contains("exited 1", error.Message, StringComparison.Ordinal);
    }
}
