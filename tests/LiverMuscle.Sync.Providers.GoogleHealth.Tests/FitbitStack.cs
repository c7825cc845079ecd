using System.Security.Cryptography;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers.GoogleHealth.Import;
using LiverMuscle.Sync.Providers.GoogleHealth.Tokens;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Sqlite;
using LiverMuscle.Sync.Testing;
using LiverMuscle.Sync.Providers.Push;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>
/// The components wired as the worker wires them (SQLite state, InfluxDB sink, provider framework, sync pipeline,
/// Fitbit on Google Health), pointed at the Google Health sandbox and a real InfluxDB.
/// </summary>
internal sealed class FitbitStack : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FitbitStack(WebApplication app, string database, string stateDirectory, Uri url)
    {
        _app = app;
        Database = database;
        StateDirectory = stateDirectory;
        Url = url;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The loopback listener with the push endpoints.</summary>
    public Uri Url { get; }

    public string Database { get; }

    public string StateDirectory { get; }

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

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
        database ??= await influx.NewDatabaseAsync("fitbit");
        stateDirectory ??= Directory.CreateTempSubdirectory("fitbit-state-").FullName;
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFakeLogging();
        builder.WebHost.UseUrls(url.ToString());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["State:Path"] = Path.Combine(stateDirectory, "state.db"),
            ["State:EncryptionKey"] = Convert.ToBase64String(SHA256.HashData("fitbit-tests"u8)),
            ["InfluxDb:Url"] = influx.Url.ToString(),
            ["InfluxDb:Database"] = database,
            ["Sync:PollInterval"] = "01:00:00",
            ["Fitbit:ClientId"] = sandbox.ClientId,
            ["Fitbit:ClientSecret"] = sandbox.ClientSecret,
            ["Fitbit:ApiBaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Fitbit:AuthorizeUrl"] = sandbox.AuthorizeUrl.ToString(),
            ["Fitbit:TokenUrl"] = sandbox.TokenUrl.ToString(),
            ["Fitbit:RetryBaseDelay"] = "00:00:00.010",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var configuration = builder.Configuration;
        builder.Services
            .AddSingleton(time)
            .AddSqliteStateStore(configuration.GetSection("State"))
            .AddInfluxDbSink(configuration.GetSection("InfluxDb"))
            .AddProviderFramework(configuration.GetSection("Sync"))
            .AddSyncPipeline(configuration.GetSection("Sync"))
            .AddFitbit(configuration.GetSection("Fitbit"));
        if (!scheduler)
        {
            builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SyncScheduler)));
        }

        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapPushEndpoints();
        await app.StartAsync();
        return new FitbitStack(app, database, stateDirectory, url);
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
