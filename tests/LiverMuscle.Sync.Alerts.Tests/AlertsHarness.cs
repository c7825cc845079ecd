using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.Alerts.Tests;

/// <summary>
/// The composed worker (<see cref="TestHost"/>, nothing running) in fake time, with alice seeded (born 1960-03-01,
/// female) and its state in <paramref name="stateDirectory"/>: a second harness on the same directory is a restarted process.
/// </summary>
internal sealed class AlertsHarness : IAsyncDisposable
{
    private readonly TestHost _host;

    public AlertsHarness(Uri influx, string database, string stateDirectory, DateTimeOffset now, IDictionary<string, string?> settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = influx.ToString(),
            ["Markers:Users:alice:BirthDate"] = "1960-03-01",
            ["Markers:Users:alice:Sex"] = "female",
        };
        Time = new FakeTimeProvider(now);
        _host = TestHost.Build(new TestHostOptions { Database = database, StateDirectory = stateDirectory, Time = Time, Settings = values.Concat(settings) });
    }

    public FakeTimeProvider Time { get; }

    public FakeLogCollector Logs => _host.Logs;

    public T Get<T>() where T : notnull => _host.Get<T>();

    public IEnumerable<T> GetAll<T>() where T : notnull => _host.GetAll<T>();

    public Task AddUserAsync(string id, string zone = "Europe/Berlin") =>
        Get<IUserStore>().UpsertAsync(new UserRecord(id, zone, DateTimeOffset.UnixEpoch), CancellationToken.None);

    public Task WriteAsync(params Point[] points) => _host.WriteAsync(points);

    public Task<IReadOnlyList<AlertOutcome>> EvaluateAsync(bool dryRun = false) => Get<AlertEvaluator>().EvaluateAsync(dryRun, CancellationToken.None);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
