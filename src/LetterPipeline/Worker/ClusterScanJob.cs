using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Quartz;

namespace LetterPipeline.Worker;

/// <summary>
/// The clustered pass: lists the inbox and queues each settled PDF as a job of its own, which the cluster hands to
/// whichever node has a free thread. One node scans at a time; the conversions spread over all of them. Quartz
/// clustering alone gives failover, not load balancing: one recurring job would run on one node.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ClusterScanJob(InboxScanner scanner, [FromKeyedServices(Resilience.Io)] ResiliencePipeline io, ILogger<ClusterScanJob> logger, LeftoverFiles? leftovers = null) : IJob
{
    public static readonly JobKey Key = new("scan-inbox", "letterpipe");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            leftovers?.Clean();
            var scan = await io.ExecuteAsync(async ct => await scanner.ScanAsync(ct), cancellationToken);
            var queued = 0;
            foreach (var file in scan.Ready)
            {
                // A file whose job is queued or running keeps it: its key is the file's path.
                var job = ConvertDocumentJob.Describe(file.Relative);
                if (await context.Scheduler.Exists(job.Key, cancellationToken))
                {
                    continue;
                }

                var trigger = TriggerBuilder.Create().WithIdentity(job.Key.Name, job.Key.Group).ForJob(job).StartNow().Build();
                try
                {
                    await context.Scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
                    queued++;
                }
                catch (ObjectAlreadyExistsException)
                {
                    // Another node's scan queued it a moment ago (two scans can overlap while a fresh cluster forms).
                }
            }

            if (queued > 0 || scan.StillWriting.Count + scan.Incomplete.Count > 0)
            {
                LogScanned(scan.Ready.Count, queued, scan.StillWriting.Count + scan.Incomplete.Count);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: queued documents stay in the database for the other nodes.
        }
#pragma warning disable CA1031 // A scan that cannot run (inbox unreachable) is retried by the next trigger.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogScanFailed(ex);
        }
    }

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "Inbox scanned: {Ready} settled, {Queued} newly queued, {StillWriting} still being written")]
    private partial void LogScanned(int ready, int queued, int stillWriting);

    [LoggerMessage(EventId = 33, Level = LogLevel.Error, Message = "Inbox scan failed; retrying on the next schedule")]
    private partial void LogScanFailed(Exception exception);
}
