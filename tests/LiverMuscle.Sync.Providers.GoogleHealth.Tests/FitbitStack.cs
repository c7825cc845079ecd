using System.Security.Cryptography;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers.GoogleHealth.Import;
using LiverMuscle.Sync.Providers.GoogleHealth.Tokens;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>
/// The running worker (<see cref="TestHost"/>) pointed at the Google Health sandbox and a real InfluxDB, with the
/// OAuth, import and zone helpers the tests share.
/// </summary>
internal sealed class FitbitStack : IAsyncDisposable
{
    private readonly TestHost _host;

    private FitbitStack(TestHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>The loopback listener with the push endpoints.</summary>
    public Uri Url => _host.Url;

    public string Database => _host.Database;

    public string StateDirectory => _host.StateDirectory;

    public FakeLogCollector Logs => _host.Logs;

    public static async Task<FitbitStack> StartAsync(
        InfluxDbFixture influx,
        GoogleHealthSandbox sandbox,
        TimeProvider time,
        string? database = null,
        string? stateDirectory = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool scheduler = false,
        Action<IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["State:EncryptionKey"] = Convert.ToBase64String(SHA256.HashData("fitbit-tests"u8)),
            ["Sync:PollInterval"] = "01:00:00",
            ["Fitbit:RetryBaseDelay"] = "00:00:00.010",
            ["Logging:LogLevel:Microsoft"] = nameof(LogLevel.Information),
        };
        var host = await TestHost.StartAsync(new TestHostOptions
        {
            Influx = influx,
            Database = database,
            StateDirectory = stateDirectory,
            Time = time,
            Google = sandbox,
            Settings = values.Concat(settings ?? new Dictionary<string, string?>()),
            LogLevel = LogLevel.Information,
            Background = scheduler ? BackgroundWork.All : BackgroundWork.SpoolReplayOnly,
            ConfigureServices = configureServices,
        });
        return new FitbitStack(host);
    }

    public SyncRunner Runner => Services.GetRequiredService<SyncRunner>();

    /// <summary>Imports an export folder through the sync runner, as <c>import fitbit-export</c> does.</summary>
    public async Task<(SyncRunSummary Run, FitbitImportReport Report)> ImportAsync(string userId, string path)
    {
        var source = Services.GetRequiredService<FitbitExportImporter>().Open(path);
        var run = await Runner.RunAsync(new SyncRequest(userId, null, SyncMode.Backfill), source, null, CancellationToken.None);
        return (run, source.Report);
    }

    /// <summary>
    /// Runs the real consent (as the sandbox user <paramref name="loginHint"/>, else a new one) and code exchange, then
    /// files the user in the zone of the sandbox user's offset as their own unless <paramref name="ownZone"/> is false.
    /// </summary>
    public async Task<string> AuthorizeAsync(string userId, GoogleHealthSandbox sandbox, TimeProvider time, string? loginHint = null, bool ownZone = true)
    {
        var flow = Services.GetRequiredService<GoogleAuthorizationFlow>();
        var started = flow.Begin(userId, new Uri("http://127.0.0.1:9/callback"), demo: false);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = loginHint is null ? started.AuthorizeUrl.AbsoluteUri : QueryHelpers.AddQueryString(started.AuthorizeUrl.AbsoluteUri, "login_hint", loginHint);
        using var redirect = await browser.GetAsync(consent);
        var query = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query);
        Assert.Equal(started.State, query["state"].ToString());
        var connection = await flow.CompleteAsync(userId, query["code"].ToString(), started, CancellationToken.None);
        var healthUserId = connection.Token!.ProviderUserId!;
        Assert.Contains(healthUserId, sandbox.UserIds);
        if (ownZone)
        {
            await Services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord(userId, ZoneOf(sandbox.UtcOffset(healthUserId)), time.GetUtcNow()), CancellationToken.None);
        }

        return healthUserId;
    }

    /// <summary>Adds a person as <c>people add</c> does without <c>--time-zone</c>: UTC until a provider reports theirs.</summary>
    public Task AddPersonAsync(string userId, TimeProvider time) =>
        Services.GetRequiredService<IPersonStore>().AddAsync(Person.Create(userId, "UTC", TimeZoneOrigin.Default, time.GetUtcNow()), CancellationToken.None);

    /// <summary>The Google Health requests of the sandbox user whose path contains <paramref name="path"/>.</summary>
    public static int RequestsTo(GoogleHealthSandbox sandbox, string healthUserId, string path) =>
        sandbox.DataRequests.Count(r => r.StartsWith(healthUserId + " ", StringComparison.Ordinal) && r.Contains(path, StringComparison.Ordinal));

    public Task<SyncRunSummary> SyncAsync(string userId, SyncMode mode, DateTimeOffset? since = null, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(new SyncRequest(userId, null, mode, since), ProviderNames.Fitbit, null, cancellationToken);

    /// <summary>A time zone at the offset today (the sandbox's users keep one offset): <c>Etc/GMT-1</c> for +01:00.</summary>
    public static string ZoneOf(TimeSpan offset)
    {
        var etc = offset == TimeSpan.Zero ? "Etc/UTC" : $"Etc/GMT{(offset > TimeSpan.Zero ? "-" : "+")}{Math.Abs(offset.TotalHours)}";
        return offset.Minutes == 0 && TimeZoneInfo.TryFindSystemTimeZoneById(etc, out _)
            ? etc
            : TimeZoneInfo.GetSystemTimeZones().First(z => z.GetUtcOffset(DateTimeOffset.UtcNow) == offset).Id;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
