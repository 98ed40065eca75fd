using LetterPipeline.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Storage;

/// <summary>Registers the configured database and the stores in it; each store's registration brings the database along.</summary>
internal static class StorageServices
{
    /// <summary>The <see cref="StoreDatabase"/> of <c>Storage:Provider</c>, shared by every store; registering it twice is harmless.</summary>
    public static IServiceCollection AddStoreDatabase(this IServiceCollection services)
    {
        // Chosen on first use, after the host has validated Storage:Provider.
        services.TryAddSingleton(provider =>
            StoreDatabase.Create(provider.GetRequiredService<IOptions<StorageOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddStoreDatabase().AddSingleton<ILedger, AdoLedger>();
        return services;
    }

    /// <summary>The lease store; with <paramref name="heartbeat"/>, the heartbeat that keeps this node's leases alive.</summary>
    public static IServiceCollection AddClusterStore(this IServiceCollection services, bool heartbeat = true)
    {
        services.AddStoreDatabase().AddSingleton<IClusterStore, AdoClusterStore>();
        if (heartbeat)
        {
            services.AddSingleton<HeldLeases>();
            // Before the scheduler: it migrates and registers the node first, and stops only after the scheduler has.
            services.AddHostedService<NodeHeartbeat>();
        }

        return services;
    }
}
