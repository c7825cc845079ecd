using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>The product's sink and SQLite state store wired as the worker wires them, over a temp directory.</summary>
internal sealed class SinkHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;
    private readonly DirectoryInfo _directory;

    private SinkHarness(ServiceProvider services, DirectoryInfo directory)
    {
        _services = services;
        _directory = directory;
        _hosted = services.GetServices<IHostedService>().ToList();
    }

    public IPointSink Sink => _services.GetRequiredService<IPointSink>();

    public IInfluxQueryClient Query => _services.GetRequiredService<IInfluxQueryClient>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<SinkHarness> StartAsync(Uri influx, string database, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var directory = Directory.CreateTempSubdirectory("livermuscle-sink-test-");
        var values = new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = influx.ToString(),
            ["InfluxDb:Database"] = database,
            ["InfluxDb:RetryBaseDelay"] = "00:00:00.100",
            ["InfluxDb:MaxRetries"] = "2",
            ["InfluxDb:ReplayInterval"] = "00:00:00.250",
            ["State:Path"] = Path.Combine(directory.FullName, "state.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton(time ?? TimeProvider.System)
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug))
            .AddSqliteStateStore(configuration.GetSection("State"))
            .AddInfluxDbSink(configuration.GetSection("InfluxDb"))
            .BuildServiceProvider();
        var harness = new SinkHarness(services, directory);
        foreach (var hosted in harness._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted)
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
