using System.Security.Cryptography;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Withings;
using LiverMuscle.Sync.Providers.Withings.Push;
using LiverMuscle.Sync.Providers.Withings.Tokens;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

/// <summary>
/// The running worker (<see cref="TestHost"/>) pointed at a Withings sandbox and a real InfluxDB, listening on the
/// loopback address Withings is given for its notifications, with the OAuth and token helpers the tests share.
/// </summary>
internal sealed class WithingsStack : IAsyncDisposable
{
    private WithingsStack(TestHost host) => Host = host;

    public TestHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public string Database => Host.Database;

    public string StateDirectory => Host.StateDirectory;

    public Uri Url => Host.Url;

    public FakeLogCollector Logs => Host.Logs;

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
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var values = new Dictionary<string, string?>
        {
            ["State:EncryptionKey"] = encryptionKey ?? StaticKey,
            ["Sync:PollInterval"] = "01:00:00",
            ["Sync:PollJitter"] = "00:00:01",
            ["Sync:MaxConcurrentSyncs"] = "4",
            ["Sync:Push:ListenUrl"] = url,
            ["Sync:Push:PublicUrl"] = url,
            ["Logging:LogLevel:Microsoft"] = nameof(LogLevel.Information),
        };
        var host = await TestHost.StartAsync(new TestHostOptions
        {
            Influx = influx,
            Database = database,
            StateDirectory = stateDirectory,
            Time = time,
            Withings = sandbox,
            Settings = values.Concat(settings ?? new Dictionary<string, string?>()),
            LogLevel = LogLevel.Information,
            // Without the scheduler no background work either: neither polls and pushed syncs nor the subscription check.
            Background = scheduler ? BackgroundWork.All : BackgroundWork.SpoolReplayOnly,
            ConfigureServices = configureServices,
        });
        return new WithingsStack(host);
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

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
