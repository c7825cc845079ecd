using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.State.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.Pipeline.Tests;

/// <summary>
/// The provider framework and pipeline over a real SQLite file, in fake time; with a real InfluxDB sink the system
/// clock runs instead, since the sink's retries and replay interval must elapse.
/// </summary>
internal sealed class FrameworkHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly DirectoryInfo _directory;
    private readonly bool _ownsDirectory;

    /// <param name="stateDirectory">Another harness's <see cref="StateDirectory"/>, to act as a second process on its state file.</param>
    public FrameworkHarness(Action<IServiceCollection> configure, Uri? influx = null, string? database = null, DirectoryInfo? stateDirectory = null)
    {
        _ownsDirectory = stateDirectory is null;
        _directory = stateDirectory ?? Directory.CreateTempSubdirectory("livermuscle-pipeline-test-");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["State:Path"] = Path.Combine(_directory.FullName, "state.db"),
            ["InfluxDb:Url"] = influx?.ToString() ?? "http://127.0.0.1:9",
            ["InfluxDb:Database"] = database ?? "unused",
            ["InfluxDb:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug))
            .AddSingleton(influx is null ? Time : TimeProvider.System)
            .AddSqliteStateStore(configuration.GetSection("State"))
            .AddProviderFramework(configuration.GetSection("Sync"))
            .AddSyncPipeline(configuration.GetSection("Sync"));
        if (influx is not null)
        {
            services.AddInfluxDbSink(configuration.GetSection("InfluxDb"));
        }
        else
        {
            services.AddSingleton<ISinkStatus>(SinkStatus);
        }

        configure(services);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The spool depth the pipeline sees without a real sink.</summary>
    public FakeSinkStatus SinkStatus { get; } = new();

    public DirectoryInfo StateDirectory => _directory;

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsDirectory)
        {
            _directory.Delete(recursive: true);
        }
    }
}
