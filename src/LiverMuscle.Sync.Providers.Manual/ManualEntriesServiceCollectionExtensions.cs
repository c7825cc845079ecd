using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiverMuscle.Sync.Providers.Manual;

public static class ManualEntriesServiceCollectionExtensions
{
    /// <summary>
    /// What people enter by hand (<see cref="ManualEntries"/>): strength sessions, a day's protein, daily-totals CSV
    /// files. Needs the sync pipeline (<c>AddSyncPipeline</c>), the InfluxDB sink and a state store.
    /// </summary>
    public static IServiceCollection AddManualEntries(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ManualEntries>();
        return services;
    }
}
