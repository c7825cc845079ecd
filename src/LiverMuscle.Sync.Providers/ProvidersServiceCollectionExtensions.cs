using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Providers;

public static class ProvidersServiceCollectionExtensions
{
    public static IServiceCollection AddProviderFramework(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
