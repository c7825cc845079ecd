using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiverMuscle.Sync.People;

public static class PeopleServiceCollectionExtensions
{
    /// <summary>
    /// Erasing, exporting and disconnecting people, for the command line and the console alike. Needs the state store,
    /// the InfluxDB query client and the providers' revokers.
    /// </summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PersonEraser>();
        services.TryAddSingleton<PersonExporter>();
        services.TryAddSingleton<ProviderDisconnector>();
        return services;
    }
}
