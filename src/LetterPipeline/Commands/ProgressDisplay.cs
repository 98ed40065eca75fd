using Spectre.Console;

namespace LetterPipeline.Commands;

/// <summary>
/// Shows a batch's <see cref="BatchProgress"/> while it runs: a live bar with n of N and the files being worked on
/// when the output is a terminal, otherwise (a log, a pipe) one line every few seconds on standard error.
/// </summary>
internal static class ProgressDisplay
{
    public static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    private const int DescriptionWidth = 60;

    /// <param name="verb">What the batch does, for the log line: "converting".</param>
    public static async Task ShowWhileAsync(BatchProgress progress, Task work, string verb)
    {
        if (progress.Total > 1 && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Describe(progress), maxValue: progress.Total);
                    while (!work.IsCompleted)
                    {
                        await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(200)));
                        task.Value = progress.Done;
                        task.Description = Describe(progress);
                    }
                });
            await work;
            return;
        }

        await LinesWhileAsync(progress, work, verb, Console.Error, TimeProvider.System);
    }

    /// <summary>The log form: "converting: 12 of 40 done; now a.pdf" every <see cref="LineInterval"/> until <paramref name="work"/> ends.</summary>
    public static async Task LinesWhileAsync(BatchProgress progress, Task work, string verb, TextWriter log, TimeProvider clock)
    {
        using (clock.CreateTimer(_ => log.WriteLine($"{verb}: {progress.Describe()}"), null, LineInterval, LineInterval))
        {
            await work;
        }
    }

    private static string Describe(BatchProgress progress)
    {
        var text = progress.Describe();
        return Markup.Escape(text.Length <= DescriptionWidth ? text : text[..(DescriptionWidth - 1)] + "…");
    }
}
