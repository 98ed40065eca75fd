using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using LetterPipeline.Isolation;
using Microsoft.Extensions.Options;
using Quartz;

namespace LetterPipeline.Worker;

/// <summary>The <c>Pipeline</c> section: where letters come from and go to, and how hard the converter may work.</summary>
internal sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Folder scanned (recursively) for *.pdf.</summary>
    [Required, Description("Folder scanned (recursively) for *.pdf; must exist")] public string Inbox { get; set; } = "";

    /// <summary>Folder for the outputs, mirroring the inbox's sub-folders.</summary>
    [Required, Description("Folder for <name>.json and .docx, mirroring the inbox's sub-folders")] public string Output { get; set; } = "";

    /// <summary>Converted inputs are moved here (unless <see cref="KeepInputs"/>).</summary>
    [Required, Description("Converted inputs are moved here (unless KeepInputs)")] public string Archive { get; set; } = "";

    /// <summary>Inputs that cannot be converted are moved here beside their <c>.error.json</c>.</summary>
    [Required, Description("Inputs that cannot be converted are moved here, beside <name>.error.json")] public string Failed { get; set; } = "";

    /// <summary>Leave inputs in the inbox and rely on the ledger to skip them next time.</summary>
    [Description("Leave inputs in the inbox; the ledger keeps them from being converted again")]
    public bool KeepInputs { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00"), Description("The time limit per document, 1s to 1h")]
    public TimeSpan DocumentTimeout { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1, 256), Description("Documents converted at once, each in its own process, 1 to 256"), DefaultValue("number of cores")]
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Heap limit of each converter process.</summary>
    [Range(256, 65536), Description("The heap limit of each converter process in MB, 256 to 65536")]
    public int MemoryLimitMb { get; set; } = 1024;

    /// <summary>A file whose size or time stamp changes within this interval is still being copied: left for the next pass.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00"), Description("A file that changes within this time is still being copied in and waits, 0s to 10m")]
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A file without "%%EOF" near its end is incomplete (a copy that stalled) and left in the inbox until it has not
    /// changed for this long; after that it is converted or quarantined like any other.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00"), Description("A file without %%EOF at its end waits this long unchanged before it is converted or quarantined, 0s to 1d")]
    public TimeSpan IncompleteGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Take symbolic links to files whose target lies inside the inbox; links to folders are never followed.</summary>
    [Description("Take symbolic links to files whose target lies inside the inbox; links to folders are never followed")]
    public bool FollowFileLinks { get; set; }

    /// <summary>
    /// Output formats, comma-separated ("json,docx"). A string, not a list: the configuration binder appends a
    /// list to its default, and an environment variable could only replace single items of one.
    /// </summary>
    [Required, Description("Output formats, comma-separated: json, docx")] public string Formats { get; set; } = string.Join(',', OutputFormats.Default);

    public IReadOnlyList<string> FormatList => OutputFormats.Parse(Formats, out _);

    /// <summary>Where a document's outputs go now: <paramref name="outputStem"/> (from the ledger) under <see cref="Output"/>.</summary>
    /// <exception cref="OutputNameException">The stem would lie outside <see cref="Output"/>.</exception>
    public string OutputStemPath(string outputStem) => OutputNames.Inside(Output, outputStem);
}

/// <summary>The <c>Schedule</c> section.</summary>
internal sealed class ScheduleOptions
{
    public const string SectionName = "Schedule";

    /// <summary>Quartz cron expression (with seconds): when a pass starts. Default: every minute.</summary>
    [Required, Description("Quartz cron expression (with seconds): when a pass starts; unused by --once")] public string Cron { get; set; } = "0 * * * * ?";
}

[OptionsValidator]
internal sealed partial class PipelineOptionsValidator : IValidateOptions<PipelineOptions>;

[OptionsValidator]
internal sealed partial class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>;

/// <summary>Rules across fields that attributes cannot say.</summary>
internal sealed class PipelineRulesValidator : IValidateOptions<PipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        var errors = new List<string>();
        var formats = OutputFormats.Parse(options.Formats, out var unknown);
        foreach (var format in unknown)
        {
            errors.Add($"Pipeline:Formats: unknown format '{format}'.");
        }

        if (formats.Count == 0 && unknown.Count == 0)
        {
            errors.Add("Pipeline:Formats: name at least one format (json, docx).");
        }

        if (options.Inbox.Length > 0)
        {
            var inbox = Full(options.Inbox);
            if (!Directory.Exists(inbox))
            {
                errors.Add($"Pipeline:Inbox: folder '{options.Inbox}' does not exist ({inbox}).");
            }

            foreach (var (setting, value) in new[] { ("Output", options.Output), ("Archive", options.Archive), ("Failed", options.Failed) })
            {
                if (value.Length > 0 && Full(value) == inbox)
                {
                    errors.Add($"Pipeline:{setting} must not be the inbox ({options.Inbox}).");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}

/// <summary>The cron expression must parse.</summary>
internal sealed class CronValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        try
        {
            _ = new CronExpression(options.Cron);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException ex)
        {
            return ValidateOptionsResult.Fail($"Schedule:Cron '{options.Cron}' is not a Quartz cron expression: {ex.Message}");
        }
    }
}
