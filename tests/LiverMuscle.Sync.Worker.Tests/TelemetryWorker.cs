using System.Net;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using LiverMuscle.Sync.Worker.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>
/// The worker's composition root in this process, listening on a loopback port, over a private <c>influxd</c> (so a
/// test may stop it), both sandboxes, and a state store in a temporary directory; a webhook receiver that answers
/// 204 and a webhook nobody listens on, for notifications sent and failed.
/// </summary>
internal sealed class TelemetryWorker : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;
    private readonly HttpListener _receiver;

    private TelemetryWorker(DirectoryInfo directory, LocalInfluxDbServer influx, WithingsSandbox withings, GoogleHealthSandbox google, HttpListener receiver, TestHost host)
    {
        _directory = directory;
        Influx = influx;
        Withings = withings;
        Google = google;
        _receiver = receiver;
        Host = host;
    }

    public LocalInfluxDbServer Influx { get; }

    public WithingsSandbox Withings { get; }

    public GoogleHealthSandbox Google { get; }

    public TestHost Host { get; }

    public Uri Listener => Host.Url;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public SyncRunner Runner => Host.Services.GetRequiredService<SyncRunner>();

    public static async Task<TelemetryWorker> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("livermuscle-metrics-test-");
        var influx = await LocalInfluxDbServer.StartNewAsync(Path.Combine(directory.FullName, "influxdb"), CancellationToken.None);
        var withings = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 30 }, CancellationToken.None);
        var google = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 30 }, CancellationToken.None);
        var (receiver, receiverUrl) = LoopbackListener.Start();
        _ = AnswerAsync(receiver);
        var settings = new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = influx.Url.ToString(),
            ["InfluxDb:MaxRetries"] = "0",
            ["InfluxDb:ReplayInterval"] = "00:01:00",
            ["OpenTelemetry:GaugeRefreshInterval"] = "00:00:00.200",
            ["Alerts:Webhooks:hook:Url"] = new Uri(receiverUrl, "hook").ToString(),
            ["Alerts:Webhooks:dead:Url"] = $"http://127.0.0.1:{FreePort.Next()}/hook",
            ["Alerts:Webhooks:dead:MaxRetries"] = "0",
            ["Alerts:Rules:0:Id"] = "reauthorize",
            ["Alerts:Rules:0:Kind"] = "NeedsReauthorization",
            ["Alerts:Rules:0:Notifiers:0"] = "hook",
            ["Alerts:Rules:0:Notifiers:1"] = "dead",
        };
        var host = await TestHost.StartAsync(new TestHostOptions { StateDirectory = directory.FullName, Withings = withings, Google = google, Settings = settings });
        return new TelemetryWorker(directory, influx, withings, google, receiver, host);
    }

    /// <summary>Adds a person and connects them at the given providers through the sandboxes' OAuth flows.</summary>
    public async Task ConnectAsync(string userId, params string[] providers)
    {
        await Host.Services.GetRequiredService<PersonRegistry>().EnsureAsync(userId, null, CancellationToken.None);
        foreach (var provider in providers)
        {
            await SandboxAuthorization.ConnectAsync(Host.Services, provider, userId, CancellationToken.None);
        }
    }

    public Task<SyncRunSummary> SyncAsync(string userId, string provider) =>
        Runner.RunAsync(new SyncRequest(userId, null, SyncMode.Incremental), provider, null, CancellationToken.None);

    public Task<Scrape> ScrapeAsync() => Scrape.GetAsync(Http, Listener);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        _receiver.Close();
        await Google.DisposeAsync();
        await Withings.DisposeAsync();
        await Influx.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    private static async Task AnswerAsync(HttpListener receiver)
    {
        try
        {
            while (receiver.IsListening)
            {
                var context = await receiver.GetContextAsync();
                context.Response.StatusCode = (int)HttpStatusCode.NoContent;
                context.Response.Close();
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Closed with the worker.
        }
    }
}
