using LetterPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LetterPipeline.Tracking;

/// <summary>Registers the reference store, in the configured database.</summary>
internal static class TrackingServices
{
    /// <summary>The store and its recorder; with <paramref name="migrateOnStart"/>, a hosted service that migrates it first.</summary>
    public static IServiceCollection AddReferenceStore(this IServiceCollection services, bool migrateOnStart = true)
    {
        services.AddStoreDatabase().AddSingleton<IReferenceStore, AdoReferenceStore>();
        services.AddSingleton<ReferenceRecorder>();
        if (migrateOnStart)
        {
            services.AddHostedService<ReferenceStoreMigration>();
        }

        return services;
    }
}

/// <summary>Creates or upgrades the reference store's schema before the worker converts anything.</summary>
internal sealed class ReferenceStoreMigration(IReferenceStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
