using LiverMuscle.Sync.Normalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Adherence;

public static class AdherenceServiceCollectionExtensions
{
    /// <summary>
    /// Weekly adherence (section <c>Adherence</c>): recomputed after every sync and on a schedule. Needs the InfluxDB
    /// sink and the state store.
    /// </summary>
    public static IServiceCollection AddAdherence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdherenceOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdherenceOptions>, AdherenceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdherenceReader>();
        services.TryAddSingleton<AdherenceService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISyncCompletedHandler, AdherenceSyncCompletedHandler>());
        services.AddHostedService<AdherenceScheduler>();
        return services;
    }
}
