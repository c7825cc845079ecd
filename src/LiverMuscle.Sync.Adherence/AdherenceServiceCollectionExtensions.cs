using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Adherence;

public static class AdherenceServiceCollectionExtensions
{
    public static IServiceCollection AddAdherence(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
