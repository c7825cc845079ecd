using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Markers.Derived;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiverMuscle.Sync.Markers;

public static class MarkersServiceCollectionExtensions
{
    /// <summary>
    /// Marker entry, CSV and FHIR import and FIB-4 (section <c>Markers</c>). Needs the InfluxDB sink and the state store.
    /// </summary>
    public static IServiceCollection AddHealthMarkers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MarkersOptions>().BindStrictly(configuration).ValidateSection(configuration, new MarkersOptionsValidator()).ValidateOnStart();
        services.AddPersonIdsOf<MarkersOptions>(o => o.Users.Keys.Select(id => (id, $"Markers:Users:{id}")));
        services.TryAddSingleton<MarkerProfiles>();
        services.TryAddSingleton<Fib4Calculator>();
        services.TryAddSingleton<MarkerRecorder>();
        services.TryAddSingleton<AppendicularMuscleCalculator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISyncCompletedHandler, AppendicularMuscleSyncCompletedHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISyncCompletedHandler, Fib4SyncCompletedHandler>());
        return services;
    }
}
