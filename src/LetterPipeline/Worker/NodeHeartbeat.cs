using LetterPipeline.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Worker;

/// <summary>
/// Registers this node before anything is converted and then keeps it alive: every heartbeat records the node as
/// seen and extends the leases of the documents it is working on (<see cref="HeldLeases"/>). Registered before the scheduler, so it stops
/// after the scheduler's in-flight documents have finished and keeps their leases alive until then.
/// </summary>
internal sealed partial class NodeHeartbeat(IClusterStore store, HeldLeases held, IOptions<ClusterOptions> options, TimeProvider clock, ILogger<NodeHeartbeat> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        await store.StartNodeAsync(options.Value.NodeId, clock.GetUtcNow(), cancellationToken);
        LogStarted(options.Value.NodeId, options.Value.LeaseTime);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>After the last beat, records the node as stopped, so <c>status</c> stops counting it as alive.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await store.StopNodeAsync(options.Value.NodeId, clock.GetUtcNow(), cancellationToken);
        }
#pragma warning disable CA1031 // The database may be gone at shutdown; the node then reads as dead once its heartbeat is old.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogStopNotRecorded(ex, options.Value.NodeId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        using var timer = new PeriodicTimer(o.HeartbeatInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await store.HeartbeatAsync(o.NodeId, held.Snapshot(), clock.GetUtcNow(), o.LeaseTime, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A missed beat (database restarting) is retried on the next tick; the lease outlasts two of them.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogHeartbeatFailed(ex, o.NodeId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Node {Node} started; leases last {LeaseTime}")]
    private partial void LogStarted(string node, TimeSpan leaseTime);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Node {Node} heartbeat failed; retrying on the next beat")]
    private partial void LogHeartbeatFailed(Exception exception, string node);

    [LoggerMessage(EventId = 56, Level = LogLevel.Warning, Message = "Node {Node} could not record that it stopped; 'status' counts it as alive until its heartbeat is old")]
    private partial void LogStopNotRecorded(Exception exception, string node);
}
