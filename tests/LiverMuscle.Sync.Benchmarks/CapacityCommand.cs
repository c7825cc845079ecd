using System.Globalization;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Providers.Withings;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Demo;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Benchmarks;

/// <summary>
/// <c>capacity [--people N]</c>: how many people one Withings application and one Google project serve at the default
/// settings, with and without push. The request costs are measured through a running worker against both sandboxes
/// (<see cref="CapacityProbe"/>), the notification rates come from the sandboxes' histories, and the limits are the
/// rate limits the providers register with the worker's request budget.
/// </summary>
internal static class CapacityCommand
{
    /// <summary>Google's documented per-project quota (docs/google-health-api.md §5.1): the worker registers only the per-person limit.</summary>
    private const double GoogleProjectRequestsPerDay = 86_400_000;

    public static async Task<int> RunAsync(int people)
    {
        var cancellationToken = CancellationToken.None;
        var scratch = Directory.CreateTempSubdirectory("livermuscle-capacity-");
        try
        {
            await using var influx = await LocalInfluxDbServer.StartNewAsync(Path.Combine(scratch.FullName, "influxdb"), cancellationToken);
            var withingsOptions = new WithingsSandboxOptions();
            var googleOptions = new GoogleHealthSandboxOptions();
            await using var withings = await WithingsSandbox.StartAsync(withingsOptions, cancellationToken);
            await using var google = await GoogleHealthSandbox.StartAsync(googleOptions, cancellationToken);
            var listener = new Uri($"http://127.0.0.1:{FreePort()}");
            var secret = "Bearer capacity-" + Guid.NewGuid().ToString("N");
            var settings = new Dictionary<string, string?>
            {
                ["InfluxDb:Url"] = influx.Url.ToString(),
                ["State:Path"] = Path.Combine(scratch.FullName, "state", "state.db"),
                ["Sync:Push:ListenUrl"] = listener.ToString(),
                ["Sync:Push:PublicUrl"] = listener.ToString(),
                ["Fitbit:WebhookAuthorization"] = secret,
            };
            foreach (var (key, value) in SandboxSettings.For(withings, google))
            {
                settings[key] = value;
            }

            // The worker as 'run' starts it, before anyone is connected: its first poll round finds nobody, the next is 15 minutes away.
            await using var app = WorkerHost.Build(LiverMuscleCli.Create().Parse(["run"]), settings);
            app.MapWorkerEndpoints();
            await app.StartAsync(cancellationToken);
            var services = app.Services;
            var sync = services.GetRequiredService<IOptions<SyncOptions>>().Value;
            var trigger = services.GetRequiredService<IOptions<PushOptions>>().Value.TriggerInterval;
            var limits = services.GetServices<ProviderRateLimit>().ToDictionary(l => l.Provider, StringComparer.Ordinal);
            var probe = new CapacityProbe(services, withings, google, listener, secret);
            var ids = Enumerable.Range(1, people).Select(i => string.Create(CultureInfo.InvariantCulture, $"person-{i:D2}")).ToList();
            var (withingsCost, withingsRate) = await probe.WithingsAsync(ids, withingsOptions.HistoryDays, trigger, cancellationToken);
            var (googleCost, googleRate) = await probe.GoogleAsync(ids, googleOptions.HistoryDays, trigger, cancellationToken);
            await app.StopAsync(cancellationToken);

            var pollInterval = sync.PollInterval + (sync.PollJitter / 2);
            var withingsLimit = limits[ProviderNames.Withings];
            var googleLimit = limits[ProviderNames.Fitbit];
            var checksPerDay = TimeSpan.FromDays(1) / services.GetRequiredService<IOptions<WithingsOptions>>().Value.SubscriptionCheckInterval;
            var estimates = new[]
            {
                ("Withings application", new CapacityEstimate(withingsCost, withingsRate, withingsLimit.PerApplication!.Value * (TimeSpan.FromDays(1) / withingsLimit.Window), pollInterval, sync.ReconcileInterval, RefreshesCount: true, checksPerDay)),
                ("Google project", new CapacityEstimate(googleCost, googleRate, GoogleProjectRequestsPerDay, pollInterval, sync.ReconcileInterval, RefreshesCount: false, SubscriptionChecksPerDay: 0)),
            };
            CapacityReport.Write(Console.Out, estimates, sync, trigger, people, withingsLimit, googleLimit, GoogleProjectRequestsPerDay);
            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
