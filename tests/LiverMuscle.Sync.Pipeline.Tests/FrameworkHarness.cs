using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.Pipeline.Tests;

/// <summary>
/// The composed worker (<see cref="TestHost"/>, nothing running) with the test's sources, sinks and completion
/// handlers in place of the worker's, in fake time; with a real InfluxDB sink the system clock runs instead, since
/// the sink's retries and replay interval must elapse. Without one, the pipeline sees <see cref="SinkStatus"/>.
/// </summary>
internal sealed class FrameworkHarness : IAsyncDisposable
{
    private readonly TestHost _host;

    /// <param name="stateDirectory">Another harness's <see cref="StateDirectory"/>, to act as a second process on its state file.</param>
    public FrameworkHarness(Action<IServiceCollection> configure, Uri? influx = null, string? database = null, DirectoryInfo? stateDirectory = null) =>
        _host = TestHost.Build(new TestHostOptions
        {
            StateDirectory = stateDirectory?.FullName,
            Database = database,
            Time = influx is null ? Time : TimeProvider.System,
            Settings = new Dictionary<string, string?>
            {
                ["InfluxDb:Url"] = influx?.ToString(),
                ["InfluxDb:MaxRetries"] = "0",
            },
            ConfigureServices = services =>
            {
                // The test's handlers see each completed sync; the worker's (adherence, markers) would read InfluxDB.
                services.RemoveAll<ISyncCompletedHandler>();
                if (influx is null)
                {
                    services.RemoveAll<ISinkStatus>().AddSingleton<ISinkStatus>(SinkStatus);
                }

                configure(services);
            },
        });

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The spool depth the pipeline sees without a real sink.</summary>
    public FakeSinkStatus SinkStatus { get; } = new();

    public DirectoryInfo StateDirectory => new(_host.StateDirectory);

    public FakeLogCollector Logs => _host.Logs;

    public T Get<T>() where T : notnull => _host.Get<T>();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
