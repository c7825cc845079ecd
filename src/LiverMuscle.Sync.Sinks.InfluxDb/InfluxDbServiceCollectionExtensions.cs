using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Sinks.InfluxDb;

public static class InfluxDbServiceCollectionExtensions
{
    public static IServiceCollection AddInfluxDbSink(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
