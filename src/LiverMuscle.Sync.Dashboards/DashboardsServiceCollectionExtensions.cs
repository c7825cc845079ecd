using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Dashboards;

public static class DashboardsServiceCollectionExtensions
{
    public static IServiceCollection AddDashboards(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
