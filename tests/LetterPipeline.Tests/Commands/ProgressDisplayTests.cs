using LetterPipeline.Commands;
using Microsoft.Extensions.Time.Testing;

namespace LetterPipeline.Tests.Commands;

/// <summary>The progress a batch shows when its output is a log: n of N and the files being worked on, every few seconds.</summary>
public sealed class ProgressDisplayTests
{
    [Fact]
    public async Task LinesWhile_LongBatch_WritesHowFarItIsEveryInterval()
    {
        var clock = new FakeTimeProvider();
        var log = new StringWriter();
        var progress = new BatchProgress(3);
        var finish = new TaskCompletionSource();
        var showing = ProgressDisplay.LinesWhileAsync(progress, finish.Task, "converting", log, clock);

        progress.Started("a.pdf");
        progress.Started("b.pdf");
        progress.Finished("a.pdf", succeeded: false);
        clock.Advance(ProgressDisplay.LineInterval);
        progress.Finished("b.pdf", succeeded: true);
        progress.Started("c.pdf");
        clock.Advance(ProgressDisplay.LineInterval);
        finish.SetResult();
        await showing;
        clock.Advance(ProgressDisplay.LineInterval);

        Assert.Equal(
            ["converting: 1 of 3 done (1 not converted); now b.pdf", "converting: 2 of 3 done (1 not converted); now c.pdf"],
            log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
