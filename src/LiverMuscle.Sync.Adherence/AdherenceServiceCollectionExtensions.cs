using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiverMuscle.Sync.Adherence;

public static class AdherenceServiceCollectionExtensions
{
    /// <summary>
    /// Weekly adherence (section <c>Adherence</c>): recomputed after every sync and on a schedule. Needs the InfluxDB
    /// sink and the state store.
    /// </summary>
    public static IServiceCollection AddAdherence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdherenceOptions>().BindStrictly(configuration).ValidateSection(configuration, new AdherenceOptionsValidator()).ValidateOnStart();
        services.AddPersonIdsOf<AdherenceOptions>(o => o.Users.Keys.Select(id => (id, $"Adherence:Users:{id}")));
        services.TryAddSingleton<AdherenceGoalResolver>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdherenceReader>();
        services.TryAddSingleton<AdherenceService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISyncCompletedHandler, AdherenceSyncCompletedHandler>());
        services.AddHostedService<AdherenceScheduler>();
        return services;
    }
}
