using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.Adherence.Tests;

/// <summary>The adherence component over the real sink, a real InfluxDB database and a SQLite state file, in fake time.</summary>
internal sealed class AdherenceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly DirectoryInfo _directory;

    private AdherenceHarness(ServiceProvider services, DirectoryInfo directory, FakeTimeProvider time)
    {
        _services = services;
        _directory = directory;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public IEnumerable<T> GetAll<T>() where T : notnull => _services.GetServices<T>();

    public static async Task<AdherenceHarness> StartAsync(Uri influx, string database, IDictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("livermuscle-adherence-test-");
        var values = new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = influx.ToString(),
            ["InfluxDb:Database"] = database,
            // The sink lingers for a batch on the injected (fake) clock; zero sends every write at once.
            ["State:Path"] = Path.Combine(directory.FullName, "state.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 4, 12, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(time)
            .AddSqliteStateStore(configuration.GetSection("State"))
            .AddInfluxDbSink(configuration.GetSection("InfluxDb"))
            .AddAdherence(configuration.GetSection("Adherence"))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        services.GetRequiredService<IStartupValidator>().Validate();
        await services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord("alice", "Europe/Berlin", DateTimeOffset.UnixEpoch), CancellationToken.None);
        return new AdherenceHarness(services, directory, time);
    }

    public async Task WriteAsync(params Point[] points)
    {
        var result = await Get<IPointSink>().WriteAsync(points, CancellationToken.None);
        Assert.Equal(points.Length, result.Accepted);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
