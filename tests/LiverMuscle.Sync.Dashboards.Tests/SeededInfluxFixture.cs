using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>
/// A real influxd with <see cref="SeededHistory"/> written through the running worker's sink (<see cref="TestHost"/>:
/// batching writer, durable spool, SQLite state store), and the product's query client to read it back.
/// </summary>
public sealed class SeededInfluxFixture : IAsyncLifetime
{
    private readonly InfluxDbFixture _influx = new();
    private TestHost _host = null!;

    internal SeededHistory History { get; } = new(DateTimeOffset.UtcNow);

    public IInfluxQueryClient Query => _host.Get<IInfluxQueryClient>();

    public async Task InitializeAsync()
    {
        await _influx.InitializeAsync();
        _host = await TestHost.StartAsync(new TestHostOptions { Influx = _influx, Background = BackgroundWork.SpoolReplayOnly });
        await _host.WriteAsync(History.Points);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _influx.DisposeAsync();
    }
}
