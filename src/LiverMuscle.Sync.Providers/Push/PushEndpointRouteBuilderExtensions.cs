using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Providers.Push;

public static class PushEndpointRouteBuilderExtensions
{
    /// <summary>Maps the push-notification receiver of every registered provider.</summary>
    public static IEndpointRouteBuilder MapPushEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var endpoint in endpoints.ServiceProvider.GetServices<IPushEndpoint>())
        {
            endpoint.Map(endpoints);
        }

        return endpoints;
    }
}
