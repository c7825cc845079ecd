using System.Security.Cryptography;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Withings.Tokens;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>
/// A demo sync through the real product: the Withings sandbox (180 days of synthetic weigh-ins and workouts), the
/// real OAuth flow, Withings client, normaliser, sync runner (which also writes <c>sync_run</c>/<c>sync_health</c>)
/// and InfluxDB sink of the running worker (<see cref="TestHost"/>) into a real influxd.
/// </summary>
public sealed class SandboxSyncFixture : IAsyncLifetime
{
    public const string User = "sandra";

    private readonly InfluxDbFixture _influx = new();
    private WithingsSandbox _sandbox = null!;
    private TestHost _host = null!;

    public DateTimeOffset SyncedAt { get; private set; }

    public long WithingsUserId { get; private set; }

    public WithingsSandbox Sandbox => _sandbox;

    public IInfluxQueryClient Query => _host.Get<IInfluxQueryClient>();

    public SyncRunSummary Backfill { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _influx.InitializeAsync();
        _sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 180, Seed = 11 }, CancellationToken.None);
        _host = await TestHost.StartAsync(new TestHostOptions
        {
            Influx = _influx,
            Database = await _influx.NewDatabaseAsync("sandbox"),
            Withings = _sandbox,
            Settings = [new("State:EncryptionKey", Convert.ToBase64String(SHA256.HashData("dashboards-tests"u8)))],
            Background = BackgroundWork.SpoolReplayOnly,
        });
        WithingsUserId = await AuthorizeAsync();
        Backfill = await _host.Get<SyncRunner>().RunAsync(new SyncRequest(User, null, SyncMode.Backfill, DateTimeOffset.UtcNow.AddDays(-190)), ProviderNames.Withings, null, CancellationToken.None);
        SyncedAt = DateTimeOffset.UtcNow;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sandbox.DisposeAsync();
        await _influx.DisposeAsync();
    }

    /// <summary>The real authorization code flow against the sandbox: authorize → redirect with code → token exchange.</summary>
    private async Task<long> AuthorizeAsync()
    {
        await _host.Get<IUserStore>().UpsertAsync(new UserRecord(User, "UTC", DateTimeOffset.UnixEpoch), CancellationToken.None);
        var flow = _host.Get<WithingsAuthorizationFlow>();
        var started = flow.Begin(User, new Uri("http://127.0.0.1:9/callback"), false);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await http.GetAsync(started.AuthorizeUrl);
        var query = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query);
        var connection = await flow.CompleteAsync(User, query["code"].ToString(), started, CancellationToken.None);
        return long.Parse(connection.Token!.ProviderUserId!);
    }
}
