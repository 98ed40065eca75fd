using Microsoft.Extensions.Logging;
using Quartz;

namespace LetterPipeline.Worker;

/// <summary>The scheduled pass. Quartz decides when; <see cref="InboxProcessor"/> decides what.</summary>
[DisallowConcurrentExecution]
internal sealed partial class ConvertInboxJob(InboxProcessor inbox, ILogger<ConvertInboxJob> logger) : IJob
{
    public static readonly JobKey Key = new("convert-inbox");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await inbox.RunPassAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the processor has logged what it left for the next run.
        }
#pragma warning disable CA1031 // A pass that cannot start (inbox unreachable) is retried by the next trigger.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPassFailed(ex);
        }
    }

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Pass failed; retrying on the next schedule")]
    private partial void LogPassFailed(Exception exception);
}
