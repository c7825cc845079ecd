using LiverMuscle.Sync.Dashboards.Provisioning;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>The composed worker (<see cref="TestHost"/>, nothing running) pointed at a Grafana, with quick retries.</summary>
internal sealed class ProvisioningHarness : IAsyncDisposable
{
    private readonly TestHost _host;

    private ProvisioningHarness(TestHost host) => _host = host;

    public GrafanaProvisioner Provisioner => Get<GrafanaProvisioner>();

    public FakeLogCollector Logs => _host.Logs;

    /// <summary>The worker's Grafana provisioning at start.</summary>
    public BackgroundService HostedService => _host.GetAll<IHostedService>().OfType<GrafanaProvisioningService>().Single();

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
        return new ProvisioningHarness(TestHost.Build(new TestHostOptions { Settings = values.Concat(settings ?? new Dictionary<string, string?>()), LogLevel = LogLevel.Trace }));
    }

    public T Get<T>() where T : notnull => _host.Get<T>();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
