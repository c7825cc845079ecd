using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Testing;

/// <summary>What a <see cref="TestHost"/> is built over; everything else is the worker's own defaults.</summary>
public sealed record TestHostOptions
{
    /// <summary>The influxd the sink writes to; without it the sink points at a loopback port nobody listens on.</summary>
    public InfluxDbFixture? Influx { get; init; }

    /// <summary>The InfluxDB database; a new one in <see cref="Influx"/> when not given.</summary>
    public string? Database { get; init; }

    /// <summary>Another host's <see cref="TestHost.StateDirectory"/>, to act as a restarted or second process on its state.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>The clock of every component (a <c>FakeTimeProvider</c> for fake time); the system clock when not given.</summary>
    public TimeProvider? Time { get; init; }

    public WithingsSandbox? Withings { get; init; }

    public GoogleHealthSandbox? Google { get; init; }

    /// <summary>Any configuration key, with the last word (e.g. an e-mail notifier's SMTP host and port); null leaves it as it was.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings { get; init; } = [];

    public BackgroundWork Background { get; init; } = BackgroundWork.All;

    /// <summary>The lowest level <see cref="TestHost.Logs"/> captures of the worker's own and its HTTP clients' records.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Debug;

    /// <summary>Runs after the composition, to add or replace a service (a fake source, a fake spool status).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
