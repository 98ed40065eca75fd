using LetterPipeline.Tests.Support;
using LetterPipeline.Worker;

namespace LetterPipeline.Tests.Worker;

public sealed class PipelineOptionsTests
{
    private static PipelineOptions Valid(TempDir temp) => new()
    {
        Inbox = temp.Sub("inbox"),
        Output = Path.Combine(temp.Path, "output"),
        Archive = Path.Combine(temp.Path, "archive"),
        Failed = Path.Combine(temp.Path, "failed"),
    };

    [Fact]
    public void Validate_ValidOptions_Succeeds()
    {
        using var temp = new TempDir();
        var options = Valid(temp);

        Assert.True(new PipelineOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(new PipelineRulesValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_OutputIsInbox_FailsNamingOutput()
    {
        using var temp = new TempDir();
        var options = Valid(temp);
        options.Output = options.Inbox + Path.DirectorySeparatorChar;

        var result = new PipelineRulesValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Pipeline:Output", result.FailureMessage);
    }

    [Fact]
    public void Validate_UnknownFormatAndMissingInbox_ReportsBoth()
    {
        using var temp = new TempDir();
        var options = Valid(temp);
        options.Inbox = Path.Combine(temp.Path, "absent");
        options.Formats = "json, pdf";

        var result = new PipelineRulesValidator().Validate(null, options);

        Assert.Contains("Pipeline:Inbox", result.FailureMessage);
        Assert.Contains("'pdf'", result.FailureMessage);
    }

    [Fact]
    public void Validate_NoFormat_Fails()
    {
        using var temp = new TempDir();
        var options = Valid(temp);
        options.Formats = " , ";

        Assert.Contains("Pipeline:Formats", new PipelineRulesValidator().Validate(null, options).FailureMessage);
    }

    [Fact]
    public void Validate_TimeoutBelowOneSecond_Fails()
    {
        using var temp = new TempDir();
        var options = Valid(temp);
        options.DocumentTimeout = TimeSpan.FromMilliseconds(500);

        Assert.True(new PipelineOptionsValidator().Validate(null, options).Failed);
    }

    [Theory]
    [InlineData("0 * * * * ?", true)]
    [InlineData("0 0/5 8-18 ? * MON-FRI", true)]
    [InlineData("* * * * *", false)]
    public void Validate_Cron_AcceptsQuartzExpressionsOnly(string cron, bool valid)
    {
        Assert.Equal(valid, new CronValidator().Validate(null, new ScheduleOptions { Cron = cron }).Succeeded);
    }
}
