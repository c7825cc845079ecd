using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State.Sqlite;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>
/// A real influxd with <see cref="SeededHistory"/> written through the product's sink (batching writer, durable
/// spool, SQLite state store), and the product's query client to read it back.
/// </summary>
public sealed class SeededInfluxFixture : IAsyncLifetime
{
    private readonly InfluxDbFixture _influx = new();
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-dashboards-test-");
    private ServiceProvider _services = null!;
    private List<IHostedService> _hosted = [];

    internal SeededHistory History { get; } = new(DateTimeOffset.UtcNow);

    public IInfluxQueryClient Query => _services.GetRequiredService<IInfluxQueryClient>();

    public async Task InitializeAsync()
    {
        await _influx.InitializeAsync();
        var database = await _influx.NewDatabaseAsync("dash");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = _influx.Url.ToString(),
            ["InfluxDb:Database"] = database,
            ["State:Path"] = Path.Combine(_directory.FullName, "state.db"),
        }).Build();
        _services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSqliteStateStore(configuration.GetSection("State"))
            .AddInfluxDbSink(configuration.GetSection("InfluxDb"))
            .BuildServiceProvider();
        _hosted = [.. _services.GetServices<IHostedService>()];
        foreach (var hosted in _hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var result = await _services.GetRequiredService<IPointSink>().WriteAsync(History.Points, CancellationToken.None);
        if (result.Accepted != History.Points.Count)
        {
            throw new InvalidOperationException($"Seeding wrote {result.Accepted} of {History.Points.Count} points: {string.Join("; ", result.Rejected.Select(r => r.Reason))}");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var hosted in _hosted)
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        await _influx.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
