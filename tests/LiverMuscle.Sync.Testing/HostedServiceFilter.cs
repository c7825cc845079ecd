using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiverMuscle.Sync.Testing;

internal static class HostedServiceFilter
{
    /// <summary>Leaves out every background service of the worker's own for which <paramref name="runs"/> is false.</summary>
    public static void RunOnlyHostedServices(this IServiceCollection services, Func<Type, bool> runs)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IHostedService))
            {
                continue;
            }

            if (descriptor.ImplementationType is { } type)
            {
                if (IsWorkers(type) && !runs(type))
                {
                    services.RemoveAt(i);
                }
            }
            else if (descriptor.ImplementationFactory is { } factory && IsWorkers(factory.Method.DeclaringType))
            {
                // Registered through a factory (a singleton that is also a service): its type is known once made.
                services[i] = ServiceDescriptor.Singleton<IHostedService>(provider =>
                {
                    var hosted = (IHostedService)factory(provider);
                    return runs(hosted.GetType()) ? hosted : IdleHostedService.Instance;
                });
            }
        }
    }

    private static bool IsWorkers(Type? type) => type?.Namespace?.StartsWith("LiverMuscle.Sync.", StringComparison.Ordinal) == true;
}
