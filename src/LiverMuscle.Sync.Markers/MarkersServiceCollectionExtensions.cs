using LiverMuscle.Sync.Markers.Derived;
using LiverMuscle.Sync.Normalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Markers;

public static class MarkersServiceCollectionExtensions
{
    /// <summary>
    /// Marker entry, CSV and FHIR import and FIB-4 (section <c>Markers</c>). Needs the InfluxDB sink and the state store.
    /// </summary>
    public static IServiceCollection AddHealthMarkers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MarkersOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MarkersOptions>, MarkersOptionsValidator>());
        services.TryAddSingleton<Fib4Calculator>();
        services.TryAddSingleton<MarkerRecorder>();
        services.TryAddSingleton<AppendicularMuscleCalculator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISyncCompletedHandler, AppendicularMuscleSyncCompletedHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISyncCompletedHandler, Fib4SyncCompletedHandler>());
        return services;
    }
}
