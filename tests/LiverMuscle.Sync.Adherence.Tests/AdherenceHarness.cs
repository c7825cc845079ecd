using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.Adherence.Tests;

/// <summary>The composed worker (<see cref="TestHost"/>, nothing running) in fake time, with alice in Europe/Berlin.</summary>
internal sealed class AdherenceHarness : IAsyncDisposable
{
    private readonly TestHost _host;

    private AdherenceHarness(TestHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public T Get<T>() where T : notnull => _host.Get<T>();

    public IEnumerable<T> GetAll<T>() where T : notnull => _host.GetAll<T>();

    public static async Task<AdherenceHarness> StartAsync(Uri influx, string database, IDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 4, 12, 0, 0, TimeSpan.Zero));
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["InfluxDb:Url"] = influx.ToString() };
        var host = TestHost.Build(new TestHostOptions { Database = database, Time = time, Settings = values });
        await host.Get<IUserStore>().UpsertAsync(new UserRecord("alice", "Europe/Berlin", DateTimeOffset.UnixEpoch), CancellationToken.None);
        return new AdherenceHarness(host, time);
    }

    public Task WriteAsync(params Point[] points) => _host.WriteAsync(points);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
