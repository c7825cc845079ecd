using LiverMuscle.Sync.Normalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The sync runner and the polling/push scheduler (section <c>Sync</c>).</summary>
    public static IServiceCollection AddSyncPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncHealthReporter>();
        services.TryAddSingleton<DeferredCompletions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWritesDurableHandler, DeferredCompletions>(provider => provider.GetRequiredService<DeferredCompletions>()));
        services.TryAddSingleton<SyncRunner>();
        services.AddHostedService<SyncScheduler>();
        return services;
    }
}
