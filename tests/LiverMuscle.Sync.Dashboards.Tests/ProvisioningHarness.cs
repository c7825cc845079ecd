using LiverMuscle.Sync.Dashboards.Provisioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>Grafana provisioning wired as the worker wires it (AddGrafanaProvisioning over a configuration).</summary>
internal sealed class ProvisioningHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ProvisioningHarness(ServiceProvider services) => _services = services;

    public GrafanaProvisioner Provisioner => _services.GetRequiredService<GrafanaProvisioner>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public IEnumerable<IHostedService> HostedServices => _services.GetServices<IHostedService>();

    public static ProvisioningHarness Create(Uri? grafana, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Grafana:Url"] = grafana?.ToString(),
            ["Grafana:ServiceAccountToken"] = FakeGrafana.Token,
            ["Grafana:MaxRetries"] = "2",
            ["Grafana:RetryBaseDelay"] = "00:00:00.020",
            ["InfluxDb:Url"] = "http://influxdb:8086",
            ["InfluxDb:Database"] = "livermuscle",
            ["InfluxDb:Username"] = "grafana",
            ["InfluxDb:Password"] = "influx-secret-password",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace))
            .AddGrafanaProvisioning(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new ProvisioningHarness(services);
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
