using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.Markers;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.Alerts.Tests;

/// <summary>
/// The alert component wired as the worker wires it, over a real InfluxDB database and a SQLite state file in
/// <paramref name="stateDirectory"/>; a second harness on the same directory is a restarted process.
/// </summary>
internal sealed class AlertsHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public AlertsHarness(Uri influx, string database, string stateDirectory, DateTimeOffset now, IDictionary<string, string?> settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = influx.ToString(),
            ["InfluxDb:Database"] = database,
            // The sink lingers for a batch on the injected (fake) clock; zero sends every write at once.
            ["State:Path"] = Path.Combine(stateDirectory, "state.db"),
            ["Markers:Users:alice:BirthDate"] = "1960-03-01",
            ["Markers:Users:alice:Sex"] = "female",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        Time = new FakeTimeProvider(now);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(Time)
            .AddSqliteStateStore(configuration.GetSection("State"))
            .AddInfluxDbSink(configuration.GetSection("InfluxDb"))
            .AddHealthMarkers(configuration.GetSection("Markers"))
            .AddAdherence(configuration.GetSection("Adherence"))
            .AddAlerts(configuration.GetSection("Alerts"))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _services.GetRequiredService<IStartupValidator>().Validate();
    }

    public FakeTimeProvider Time { get; }

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public IEnumerable<T> GetAll<T>() where T : notnull => _services.GetServices<T>();

    public Task AddUserAsync(string id, string zone = "Europe/Berlin") =>
        Get<IUserStore>().UpsertAsync(new UserRecord(id, zone, DateTimeOffset.UnixEpoch), CancellationToken.None);

    public async Task WriteAsync(params Point[] points)
    {
        var result = await Get<IPointSink>().WriteAsync(points, CancellationToken.None);
        Assert.Equal(points.Length, result.Accepted);
    }

    public Task<IReadOnlyList<AlertOutcome>> EvaluateAsync(bool dryRun = false) => Get<AlertEvaluator>().EvaluateAsync(dryRun, CancellationToken.None);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
