using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiverMuscle.Sync.Infrastructure.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The <c>LiverMuscle.Sync</c> instruments (<see cref="SyncMetrics"/>) on the container's meter factory. Every
    /// component that records calls this; exporting them is up to the host.
    /// </summary>
    public static IServiceCollection AddSyncTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncMetrics>();
        return services;
    }
}
