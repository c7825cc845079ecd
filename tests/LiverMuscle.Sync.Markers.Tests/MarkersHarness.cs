using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Markers.Tests;

/// <summary>The composed worker (<see cref="TestHost"/>, nothing running) with alice seeded: born 1970-06-15, female, Europe/Berlin.</summary>
internal sealed class MarkersHarness : IAsyncDisposable
{
    private readonly TestHost _host;

    private MarkersHarness(TestHost host) => _host = host;

    public T Get<T>() where T : notnull => _host.Get<T>();

    public string Directory => _host.StateDirectory;

    public static async Task<MarkersHarness> StartAsync(Uri influx, string database, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = influx.ToString(),
            ["Markers:Users:alice:BirthDate"] = "1970-06-15",
            ["Markers:Users:alice:Sex"] = "female",
        };
        var host = TestHost.Build(new TestHostOptions { Database = database, Settings = values.Concat(settings ?? new Dictionary<string, string?>()) });
        await host.Get<IUserStore>().UpsertAsync(new UserRecord("alice", "Europe/Berlin", DateTimeOffset.UnixEpoch), CancellationToken.None);
        return new MarkersHarness(host);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
