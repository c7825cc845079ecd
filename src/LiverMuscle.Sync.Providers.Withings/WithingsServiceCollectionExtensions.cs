using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Providers.Withings;

public static class WithingsServiceCollectionExtensions
{
    public static IServiceCollection AddWithings(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
