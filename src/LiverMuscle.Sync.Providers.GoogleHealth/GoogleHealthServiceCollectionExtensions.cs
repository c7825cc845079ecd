using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Providers.GoogleHealth;

public static class GoogleHealthServiceCollectionExtensions
{
    public static IServiceCollection AddGoogleHealth(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
