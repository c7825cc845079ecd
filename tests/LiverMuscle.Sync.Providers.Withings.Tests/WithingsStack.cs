using System.Security.Cryptography;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Providers.Withings;
using LiverMuscle.Sync.Providers.Withings.Push;
using LiverMuscle.Sync.Providers.Withings.Tokens;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Sqlite;
using LiverMuscle.Sync.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

/// <summary>
/// The product's components wired as the worker wires them (SQLite state, InfluxDB sink, provider framework, sync
/// pipeline, Withings), pointed at a sandbox and a real InfluxDB, with the push endpoint on a loopback listener.
/// </summary>
internal sealed class WithingsStack : IAsyncDisposable
{
    private WithingsStack(WebApplication app, string database, string stateDir, Uri url)
    {
        App = app;
        Database = database;
        StateDirectory = stateDir;
        Url = url;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public string Database { get; }

    public string StateDirectory { get; }

    public Uri Url { get; }

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public SyncRunner Runner => Services.GetRequiredService<SyncRunner>();

    public static async Task<WithingsStack> StartAsync(
        InfluxDbFixture influx,
        WithingsSandbox sandbox,
        TimeProvider time,
        bool scheduler,
        string? database = null,
        string? stateDirectory = null,
        string? encryptionKey = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        database ??= await influx.NewDatabaseAsync("withings");
        stateDirectory ??= Directory.CreateTempSubdirectory("withings-state-").FullName;
        var port = FreePort.Next();
        var url = new Uri($"http://127.0.0.1:{port}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFakeLogging();
        builder.WebHost.UseUrls(url.ToString());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["State:Path"] = Path.Combine(stateDirectory, "state.db"),
            ["State:EncryptionKey"] = encryptionKey ?? StaticKey,
            ["InfluxDb:Url"] = influx.Url.ToString(),
            ["InfluxDb:Database"] = database,
            ["Sync:PollInterval"] = "01:00:00",
            ["Sync:PollJitter"] = "00:00:01",
            ["Sync:MaxConcurrentSyncs"] = "4",
            ["Sync:Push:PublicUrl"] = url.ToString(),
            ["Withings:ClientId"] = sandbox.ClientId,
            ["Withings:ClientSecret"] = sandbox.ClientSecret,
            ["Withings:ApiBaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Withings:AuthorizeUrl"] = sandbox.AuthorizeUrl.ToString(),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(time);
        services.AddSqliteStateStore(configuration.GetSection("State"));
        services.AddInfluxDbSink(configuration.GetSection("InfluxDb"));
        services.AddProviderFramework(configuration.GetSection("Sync"));
        services.AddSyncPipeline(configuration.GetSection("Sync"));
        services.AddWithings(configuration.GetSection("Withings"));
        if (!scheduler)
        {
            // No background work: neither polls and pushed syncs nor the subscription check.
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SyncScheduler)));
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WithingsSubscriptionCheck)));
        }

        configureServices?.Invoke(services);
        var app = builder.Build();
        app.MapPushEndpoints();
        await app.StartAsync();
        return new WithingsStack(app, database, stateDirectory, url);
    }

    /// <summary>The subscription check <c>run</c> does periodically, for a stack without background work.</summary>
    public WithingsSubscriptionCheck SubscriptionCheck => ActivatorUtilities.CreateInstance<WithingsSubscriptionCheck>(Services);

    /// <summary>A fixed key so a restarted stack reads the tokens the first one stored.</summary>
    public static readonly string StaticKey = Convert.ToBase64String(SHA256.HashData("withings-tests"u8));

    /// <summary>Runs the real authorization flow against the sandbox: authorize → 302 with code → token exchange.</summary>
    public async Task<long> AuthorizeAsync(string userId, bool demo = false)
    {
        await Services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord(userId, "Europe/Lisbon", DateTimeOffset.UnixEpoch), CancellationToken.None);
        var flow = Services.GetRequiredService<WithingsAuthorizationFlow>();
        var started = flow.Begin(userId, new Uri("http://127.0.0.1:9/callback"), demo);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await http.GetAsync(started.AuthorizeUrl);
        var query = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query);
        Assert.Equal(started.State, query["state"].ToString());
        var connection = await flow.CompleteAsync(userId, query["code"].ToString(), started, CancellationToken.None);
        return long.Parse(connection.Token!.ProviderUserId!);
    }

    /// <summary>Stores tokens the sandbox issued directly, for tests that need many connected users fast.</summary>
    public async Task ConnectDirectAsync(string userId, long withingsUserId, WithingsSandbox sandbox, TimeProvider time)
    {
        var (access, refresh, expiresIn) = sandbox.IssueTokens(withingsUserId);
        await Services.GetRequiredService<ITokenStore>().SaveTokenAsync(
            userId, ProviderNames.Withings, new OAuthToken(access, refresh, time.GetUtcNow() + expiresIn, "user.metrics,user.activity", withingsUserId.ToString()), CancellationToken.None);
    }

    /// <summary>The callback URL (with its secret token) Withings was given for the user, and that the sandbox notifies.</summary>
    public static Uri CallbackOf(WithingsSandbox sandbox, long withingsUserId) =>
        sandbox.Subscriptions(withingsUserId).Select(s => s.Callback).Distinct().Single();

    public Task<SyncRunSummary> SyncAsync(string userId, SyncMode mode, DateTimeOffset? since = null, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(new SyncRequest(userId, null, mode, since), ProviderNames.Withings, null, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
