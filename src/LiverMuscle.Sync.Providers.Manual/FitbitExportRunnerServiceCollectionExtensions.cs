using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiverMuscle.Sync.Providers.Manual;

public static class FitbitExportRunnerServiceCollectionExtensions
{
    /// <summary>
    /// The Fitbit exports people bring (<see cref="FitbitExportRunner"/>), for <c>import fitbit-export</c> and the
    /// console's upload. Needs the export reader (<c>AddFitbit</c> or <c>AddFitbitExportImport</c>), the sync pipeline
    /// and a state store.
    /// </summary>
    public static IServiceCollection AddFitbitExportRunner(this IServiceCollection services)
    {
        services.TryAddSingleton<FitbitExportRunner>();
        return services;
    }
}
