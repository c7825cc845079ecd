using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Infrastructure.Http;

public static class PooledHttpClientRegistration
{
    /// <summary>How long one connection is reused before a new one is opened, so DNS changes are picked up.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A named client from the factory over one long-lived <see cref="SocketsHttpHandler"/> whose connections are
    /// recycled every <see cref="PooledConnectionLifetime"/>. Resolve the client where it is used
    /// (<c>IHttpClientFactory.CreateClient(name)</c> per call), never in a field of a singleton.
    /// </summary>
    public static IHttpClientBuilder AddPooledHttpClient(this IServiceCollection services, string name, Action<IServiceProvider, HttpClient>? configure = null)
    {
        var builder = services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = PooledConnectionLifetime })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return configure is null ? builder : builder.ConfigureHttpClient(configure);
    }
}
