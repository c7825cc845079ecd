using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddSyncPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
