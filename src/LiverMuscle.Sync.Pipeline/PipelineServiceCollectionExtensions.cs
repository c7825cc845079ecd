using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Infrastructure.Telemetry;
using LiverMuscle.Sync.Normalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiverMuscle.Sync.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The sync runner and the polling/push scheduler (section <c>Sync</c>).</summary>
    public static IServiceCollection AddSyncPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().BindStrictly(configuration).ValidateSection(configuration, new SyncOptionsValidator()).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSyncTelemetry();
        services.TryAddSingleton<SyncHealthReporter>();
        services.TryAddSingleton<DeferredCompletions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWritesDurableHandler, DeferredCompletions>(provider => provider.GetRequiredService<DeferredCompletions>()));
        services.TryAddSingleton<SyncRunner>();
        services.TryAddSingleton<PollPlanner>();
        services.AddHostedService<SyncScheduler>();
        return services;
    }
}
