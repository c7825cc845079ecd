using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.Providers.Manual.Tests;

/// <summary>
/// Manual entries wired as the worker wires them (SQLite state, InfluxDB sink, provider framework, sync runner,
/// adherence) over a real InfluxDB database, in fake time: 2026-11-04 12:00 UTC, a Wednesday.
/// </summary>
internal sealed class ManualEntriesHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly DirectoryInfo _directory;

    private ManualEntriesHarness(ServiceProvider services, DirectoryInfo directory, string database)
    {
        _services = services;
        _directory = directory;
        Database = database;
    }

    public string Database { get; }

    public ManualEntries Entries => Get<ManualEntries>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ManualEntriesHarness> StartAsync(Uri influx, string database)
    {
        var directory = Directory.CreateTempSubdirectory("livermuscle-manual-test-");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = influx.ToString(),
            ["InfluxDb:Database"] = database,
            ["State:Path"] = Path.Combine(directory.FullName, "state.db"),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 4, 12, 0, 0, TimeSpan.Zero)))
            .AddSqliteStateStore(configuration.GetSection("State"))
            .AddInfluxDbSink(configuration.GetSection("InfluxDb"))
            .AddProviderFramework(configuration.GetSection("Sync"))
            .AddSyncPipeline(configuration.GetSection("Sync"))
            .AddAdherence(configuration.GetSection("Adherence"))
            .AddManualEntries()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        services.GetRequiredService<IStartupValidator>().Validate();
        var added = await services.GetRequiredService<PersonRegistry>().AddAsync("kai", new PersonChanges { TimeZone = "Asia/Tokyo" }, CancellationToken.None);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        return new ManualEntriesHarness(services, directory, database);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
