using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Markers.Tests;

/// <summary>The marker component over the real sink, a real InfluxDB database and a SQLite state file.</summary>
internal sealed class MarkersHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly DirectoryInfo _directory;

    private MarkersHarness(ServiceProvider services, DirectoryInfo directory)
    {
        _services = services;
        _directory = directory;
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public string Directory => _directory.FullName;

    public static async Task<MarkersHarness> StartAsync(Uri influx, string database, IDictionary<string, string?>? settings = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("livermuscle-markers-test-");
        var values = new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = influx.ToString(),
            ["InfluxDb:Database"] = database,
            ["State:Path"] = Path.Combine(directory.FullName, "state.db"),
            ["Markers:Users:alice:BirthDate"] = "1970-06-15",
            ["Markers:Users:alice:Sex"] = "female",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug))
            .AddSqliteStateStore(configuration.GetSection("State"))
            .AddInfluxDbSink(configuration.GetSection("InfluxDb"))
            .AddHealthMarkers(configuration.GetSection("Markers"))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        services.GetRequiredService<IStartupValidator>().Validate();
        await services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord("alice", "Europe/Berlin", DateTimeOffset.UnixEpoch), CancellationToken.None);
        return new MarkersHarness(services, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
