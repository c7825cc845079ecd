using LiverMuscle.Sync.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

public static class GrafanaServiceCollectionExtensions
{
    /// <summary>
    /// Registers Grafana provisioning (section <c>Grafana</c> of <paramref name="configuration"/>, the root
    /// configuration): <see cref="GrafanaProvisioner"/>, the generated <see cref="IGrafanaHttpApi"/> client with its
    /// retry pipeline, and the hosted service that provisions at start. The datasource's InfluxDB settings default to
    /// the <c>InfluxDb</c> section. Nothing is sent while <c>Grafana:Url</c> is empty.
    /// </summary>
    public static IServiceCollection AddGrafanaProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        var influx = configuration.GetSection("InfluxDb");
        var section = configuration.GetSection(GrafanaOptions.SectionName);
        services.AddOptions<GrafanaOptions>()
            .BindStrictly(section)
            .PostConfigure(o =>
            {
                var ds = o.Datasource;
                ds.Url ??= Uri.TryCreate(influx["Url"], UriKind.Absolute, out var url) ? url : new Uri("http://127.0.0.1:8086");
                ds.Database ??= influx["Database"] ?? "livermuscle";
                ds.User ??= influx["Username"];
                ds.Password ??= influx["Password"];
                ds.Token ??= influx["Token"];
            })
            .ValidateSection(section, new GrafanaOptionsValidator())
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<GrafanaAuthenticationHandler>();
        services.AddRefitGeneratedClient<IGrafanaHttpApi>(GrafanaJsonContext.Default)
            .ConfigureHttpClient((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<GrafanaOptions>>().Value;
                client.BaseAddress = options.Url ?? new Uri("http://127.0.0.1:3000");
                client.Timeout = options.RequestTimeout;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All })
            .AddHttpMessageHandler<GrafanaAuthenticationHandler>();
        services.TryAddSingleton<GrafanaResiliencePipeline>();
        services.TryAddSingleton<GrafanaClient>();
        services.TryAddSingleton<GrafanaProvisioner>();
        services.AddHostedService<GrafanaProvisioningService>();
        return services;
    }
}
