using System.Security.Cryptography;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Withings;
using LiverMuscle.Sync.Providers.Withings.Tokens;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Sqlite;
using LiverMuscle.Sync.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>
/// A demo sync through the real product: the Withings sandbox (180 days of synthetic weigh-ins and workouts), the
/// real OAuth flow, Withings client, normaliser, sync runner (which also writes <c>sync_run</c>/<c>sync_health</c>)
/// and InfluxDB sink into a real influxd.
/// </summary>
public sealed class SandboxSyncFixture : IAsyncLifetime
{
    public const string User = "sandra";

    private readonly InfluxDbFixture _influx = new();
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-dashboards-sandbox-");
    private WithingsSandbox _sandbox = null!;
    private ServiceProvider _services = null!;
    private List<IHostedService> _hosted = [];

    public DateTimeOffset SyncedAt { get; private set; }

    public long WithingsUserId { get; private set; }

    public WithingsSandbox Sandbox => _sandbox;

    public IInfluxQueryClient Query => _services.GetRequiredService<IInfluxQueryClient>();

    public SyncRunSummary Backfill { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _influx.InitializeAsync();
        _sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 180, Seed = 11 }, CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["State:Path"] = Path.Combine(_directory.FullName, "state.db"),
            ["State:EncryptionKey"] = Convert.ToBase64String(SHA256.HashData("dashboards-tests"u8)),
            ["InfluxDb:Url"] = _influx.Url.ToString(),
            ["InfluxDb:Database"] = await _influx.NewDatabaseAsync("sandbox"),
            ["Withings:ClientId"] = _sandbox.ClientId,
            ["Withings:ClientSecret"] = _sandbox.ClientSecret,
            ["Withings:ApiBaseUrl"] = _sandbox.BaseUrl.ToString(),
            ["Withings:AuthorizeUrl"] = _sandbox.AuthorizeUrl.ToString(),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System);
        services.AddSqliteStateStore(configuration.GetSection("State"));
        services.AddInfluxDbSink(configuration.GetSection("InfluxDb"));
        services.AddProviderFramework(configuration.GetSection("Sync"));
        services.AddSyncPipeline(configuration.GetSection("Sync"));
        services.AddWithings(configuration.GetSection("Withings"));
        _services = services.BuildServiceProvider();
        _hosted = [.. _services.GetServices<IHostedService>().Where(h => h is not SyncScheduler)];
        foreach (var hosted in _hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        WithingsUserId = await AuthorizeAsync();
        Backfill = await _services.GetRequiredService<SyncRunner>().RunAsync(new SyncRequest(User, null, SyncMode.Backfill, DateTimeOffset.UtcNow.AddDays(-190)), ProviderNames.Withings, null, CancellationToken.None);
        SyncedAt = DateTimeOffset.UtcNow;
    }

    public async Task DisposeAsync()
    {
        foreach (var hosted in _hosted)
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
        await _influx.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    /// <summary>The real authorization code flow against the sandbox: authorize → redirect with code → token exchange.</summary>
    private async Task<long> AuthorizeAsync()
    {
        await _services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord(User, "UTC", DateTimeOffset.UnixEpoch), CancellationToken.None);
        var flow = _services.GetRequiredService<WithingsAuthorizationFlow>();
        var started = flow.Begin(User, new Uri("http://127.0.0.1:9/callback"), false);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await http.GetAsync(started.AuthorizeUrl);
        var query = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query);
        var connection = await flow.CompleteAsync(User, query["code"].ToString(), started, CancellationToken.None);
        return long.Parse(connection.Token!.ProviderUserId!);
    }
}
