using System.Globalization;
using LetterPipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace LetterPipeline.Worker;

/// <summary>
/// Quartz for a cluster (<c>Storage:Provider=Postgres</c>): a clustered AdoJobStore in the ledger's database, whose
/// schema the program's migrations create before the scheduler starts. Every node runs the same scheduler; the
/// database decides which node fires which trigger, and recovers the jobs of a node that stops checking in.
/// </summary>
internal static class ClusterScheduling
{
    public static void AddClusteredQuartz(this IServiceCollection services, IConfiguration configuration, string cron)
    {
        // Read raw, as the cron is: the validated options are not available while the host is being built, and a
        // malformed value falls back here only to be reported by validation before the host starts.
        var cluster = Bind(configuration, ClusterOptions.SectionName, new ClusterOptions());
        var pipeline = Bind(configuration, PipelineOptions.SectionName, new PipelineOptions());
        var connectionString = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}"] ?? "";

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "letterpipe";
                s.InstanceId = cluster.NodeId;
                s.IdleWaitTime = cluster.PollInterval;
            });
            // One thread per conversion child, and one for the scan.
            q.UseDefaultThreadPool(pipeline.Parallelism + 1);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c =>
                {
                    // A node that misses its check-ins for about one lease time is dead: its jobs are recovered
                    // elsewhere as its document leases run out.
                    c.CheckinInterval = cluster.HeartbeatInterval;
                    c.CheckinMisfireThreshold = cluster.LeaseTime - cluster.HeartbeatInterval;
                });
            });
            q.AddJob<ClusterScanJob>(j => j.WithIdentity(ClusterScanJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(ClusterScanJob.Key).WithIdentity("scan-inbox-on-start", ClusterScanJob.Key.Group).StartNow());
            q.AddTrigger(t => t.ForJob(ClusterScanJob.Key).WithIdentity("scan-inbox-cron", ClusterScanJob.Key.Group).WithCronSchedule(cron));
        });
    }

    private static T Bind<T>(IConfiguration configuration, string section, T defaults)
    {
        try
        {
            configuration.GetSection(section).Bind(defaults);
        }
        catch (InvalidOperationException)
        {
            // Reported by the options validation, which runs before anything starts.
        }

        return defaults;
    }
}
