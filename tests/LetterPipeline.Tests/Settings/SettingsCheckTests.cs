using LetterPipeline.Settings;
using Microsoft.Extensions.Configuration;

namespace LetterPipeline.Tests.Settings;

/// <summary>The whole configuration checked before .NET binds it: names, sections and values, in the setting's own words.</summary>
public sealed class SettingsCheckTests
{
    private static SettingsReview Review(params (string Key, string Value)[] settings) =>
        SettingsCheck.Review(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Theory]
    [InlineData("Pipeline:Inbx", "did you mean Pipeline:Inbox?")]
    [InlineData("pipeline:outptu", "did you mean Pipeline:Output?")]
    [InlineData("Pipline:Inbox", "did you mean Pipeline:Inbox?")]
    [InlineData("Storage:ConectionString", "did you mean Storage:ConnectionString?")]
    [InlineData("Shedule:Cron", "did you mean Schedule:Cron?")]
    public void Review_UnknownSetting_IsAnErrorNamingTheNearestOne(string key, string suggestion)
    {
        var review = Review((key, "x"));

        Assert.Contains(suggestion, Assert.Single(review.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Review_OtherProgramsSettingsAndLogging_AreLeftAlone()
    {
        var review = Review(("PATH", "/usr/bin"), ("Serilog:MinimumLevel", "Debug"), ("Logging:LogLevel:Quartz", "Warning"),
            ("Logging:Console:FormatterName", "json"), ("Pipeline:Inbox", "in"), ("pipeline:keepinputs", "TRUE"));

        Assert.Empty(review.Errors);
    }

    [Theory]
    [InlineData("60")]
    [InlineData("1.5")]
    public void Review_BareNumberDuration_IsRefusedInTheSettingsOwnWords(string value)
    {
        var error = Assert.Single(Review(("Pipeline:DocumentTimeout", value)).Errors);

        Assert.StartsWith($"Pipeline:DocumentTimeout: '{value}' has no unit", error, StringComparison.Ordinal);
        Assert.Contains($"{value}s", error, StringComparison.Ordinal);
        Assert.Contains("time limit per document", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("60s", "00:01:00")]
    [InlineData("5m", "00:05:00")]
    [InlineData("2h", "02:00:00")]
    [InlineData("500ms", "00:00:00.5000000")]
    [InlineData("00:01:00", "00:01:00")]
    [InlineData("00:00:00.2", "00:00:00.2000000")]
    public void Review_DurationWithAUnitOrClockForm_IsRewrittenForTheBinder(string value, string bound)
    {
        var review = Review(("Cluster:LeaseTime", value));

        Assert.Empty(review.Errors);
        Assert.Equal(bound, review.Normalised["Cluster:LeaseTime"]);
    }

    [Theory]
    [InlineData("Pipeline:Parallelism", "many", "'many' is not a whole number")]
    [InlineData("Pipeline:KeepInputs", "yes", "'yes' is neither true nor false")]
    [InlineData("Pipeline:SettleTime", "soon", "'soon' is not a duration")]
    public void Review_ValueOfTheWrongKind_NamesTheSettingNotADotNetType(string key, string value, string problem)
    {
        var error = Assert.Single(Review((key, value)).Errors);

        Assert.StartsWith($"{key}: {problem}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_ListUnderASingleSetting_IsAnError()
    {
        Assert.Contains("Pipeline:Formats is a single value", Assert.Single(Review(("Pipeline:Formats:0", "json")).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SettingsInBothForms_AreReadAndMistakesNamed()
    {
        var read = SettingArguments.Parse(["--Pipeline:Inbox=/in", "--Storage:ConnectionString", "Data Source=x.db", "--onec", "--Pipline:Output=o", "stray", "--Pipeline:Failed"],
            ["--once", "--help"]);

        Assert.Equal(["--Pipeline:Inbox=/in", "--Storage:ConnectionString=Data Source=x.db"], read.Settings);
        Assert.Equal(
            [
                "unknown option --onec; did you mean --once?",
                "unknown setting Pipline:Output; did you mean Pipeline:Output?",
                "unexpected argument 'stray'.",
                "--Pipeline:Failed needs a value (--Pipeline:Failed=…).",
            ],
            read.Errors);
    }

    [Fact]
    public void Parse_KeyWithoutItsSection_SuggestsTheFullName()
    {
        Assert.Equal("unknown option --Inbox; did you mean --Pipeline:Inbox?", Assert.Single(SettingArguments.Parse(["--Inbox=/in"], ["--once"]).Errors));
    }

    [Fact]
    public void Catalog_EveryOptionsProperty_IsASettingWithADescription()
    {
        Assert.Contains(SettingsCatalog.All, s => s.Name == "Pipeline:DocumentTimeout" && s.Type == typeof(TimeSpan) && s.Default == "1m");
        Assert.DoesNotContain(SettingsCatalog.All, s => s.Name == "Pipeline:FormatList" || s.Name == "Cluster:HeartbeatInterval");
        Assert.All(SettingsCatalog.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Description), $"{s.Name} has no [Description]"));
    }

    [Theory]
    [InlineData(60, "1m")]
    [InlineData(2.5, "2500ms")]
    [InlineData(30, "30s")]
    [InlineData(7200, "2h")]
    public void Format_Duration_UsesTheLargestWholeUnit(double seconds, string text)
    {
        Assert.Equal(text, Duration.Format(TimeSpan.FromSeconds(seconds)));
    }
}
