using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>The running worker (<see cref="TestHost"/>) with only the spool replay in the background, and quick retries.</summary>
internal sealed class SinkHarness : IAsyncDisposable
{
    private readonly TestHost _host;

    private SinkHarness(TestHost host) => _host = host;

    public IPointSink Sink => Get<IPointSink>();

    public IInfluxQueryClient Query => Get<IInfluxQueryClient>();

    public FakeLogCollector Logs => _host.Logs;

    public T Get<T>() where T : notnull => _host.Get<T>();

    public static async Task<SinkHarness> StartAsync(Uri influx, string database, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = influx.ToString(),
            ["InfluxDb:RetryBaseDelay"] = "00:00:00.100",
            ["InfluxDb:MaxRetries"] = "2",
            ["InfluxDb:ReplayInterval"] = "00:00:00.250",
        };
        var host = await TestHost.StartAsync(new TestHostOptions { Database = database, Time = time, Settings = values.Concat(settings ?? new Dictionary<string, string?>()), Background = BackgroundWork.SpoolReplayOnly });
        return new SinkHarness(host);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
