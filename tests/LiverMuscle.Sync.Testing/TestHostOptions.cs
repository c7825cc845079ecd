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

    /// <summary>The configuration the host is built from: its own defaults, the sandboxes' settings, then <see cref="Settings"/>.</summary>
    internal Dictionary<string, string?> Configuration(string stateDirectory, string database)
    {
        var level = LogLevel.ToString();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["State:Path"] = Path.Combine(stateDirectory, "state.db"),
            // Without an influxd, a loopback port nobody listens on: a write fails at once.
            ["InfluxDb:Url"] = Influx?.Url.ToString() ?? "http://127.0.0.1:9",
            ["InfluxDb:Database"] = database,
            ["Sync:Push:ListenUrl"] = $"http://127.0.0.1:{FreePort.Next()}",
            // The worker's own categories and its HTTP clients; ASP.NET Core stays at the level the worker configures.
            ["Logging:LogLevel:Default"] = level,
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = level,
        };
        if (Withings is { } withings)
        {
            settings["Withings:ClientId"] = withings.ClientId;
            settings["Withings:ClientSecret"] = withings.ClientSecret;
            settings["Withings:ApiBaseUrl"] = withings.BaseUrl.ToString();
            settings["Withings:AuthorizeUrl"] = withings.AuthorizeUrl.ToString();
        }

        if (Google is { } google)
        {
            settings["Fitbit:ClientId"] = google.ClientId;
            settings["Fitbit:ClientSecret"] = google.ClientSecret;
            settings["Fitbit:ApiBaseUrl"] = google.BaseUrl.ToString();
            settings["Fitbit:AuthorizeUrl"] = google.AuthorizeUrl.ToString();
            settings["Fitbit:TokenUrl"] = google.TokenUrl.ToString();
        }

        foreach (var (key, value) in Settings.Where(setting => setting.Value is not null))
        {
            settings[key] = value;
        }

        return settings;
    }
}
