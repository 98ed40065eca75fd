using LetterPipeline.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Storage;

/// <summary>Registers the lease store of the configured provider and the heartbeat that keeps this node's leases alive.</summary>
internal static class ClusterServices
{
    public static IServiceCollection AddClusterStore(this IServiceCollection services, bool heartbeat = true)
    {
        // Chosen on first use, after the host has validated Storage:Provider.
        services.AddSingleton<IClusterStore>(provider =>
            StorageOptions.IsPostgres(provider.GetRequiredService<IOptions<StorageOptions>>().Value)
                ? ActivatorUtilities.CreateInstance<PostgresClusterStore>(provider)
                : ActivatorUtilities.CreateInstance<SqliteClusterStore>(provider));
        if (heartbeat)
        {
            services.AddSingleton<HeldLeases>();
            // Before the scheduler: it migrates and registers the node first, and stops only after the scheduler has.
            services.AddHostedService<NodeHeartbeat>();
        }

        return services;
    }
}
