using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.Web.Tests;

/// <summary>The running worker (<see cref="TestHost"/>) for the console's tests, in fake time with every log line captured.</summary>
internal sealed class ConsoleTestHost : IAsyncDisposable
{
    private readonly TestHost _host;

    private ConsoleTestHost(TestHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    public Uri Url => _host.Url;

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _host.Services;

    public FakeLogCollector Logs => _host.Logs;

    public string LogText => _host.LogText;

    public static async Task<ConsoleTestHost> StartAsync(Uri influx, IDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var all = new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = influx.ToString(),
            // Each write is its own batch: the sink's flush timer runs on the fake clock.
            ["InfluxDb:BatchSize"] = "1",
        };
        var host = await TestHost.StartAsync(new TestHostOptions { Time = time, Settings = all.Concat(settings ?? new Dictionary<string, string?>()), LogLevel = LogLevel.Trace });
        return new ConsoleTestHost(host, time);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
