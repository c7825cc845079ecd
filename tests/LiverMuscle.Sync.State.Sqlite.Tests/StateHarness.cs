using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

/// <summary>
/// The composed worker (<see cref="TestHost"/>, nothing running) in fake time over a state file in
/// <paramref name="directory"/>; several harnesses on one file act like several processes.
/// </summary>
internal sealed class StateHarness : IDisposable
{
    private readonly TestHost _host;

    public StateHarness(string directory, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        _host = TestHost.Build(new TestHostOptions
        {
            StateDirectory = directory,
            Time = Time,
            Settings = settings ?? new Dictionary<string, string?>(),
            LogLevel = LogLevel.Trace,
            ConfigureServices = services,
        });

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    public FakeLogCollector Logs => _host.Logs;

    public T Get<T>() where T : notnull => _host.Get<T>();

    public void Dispose() => _host.Dispose();
}
