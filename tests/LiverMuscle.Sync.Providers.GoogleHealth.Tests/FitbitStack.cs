using System.Security.Cryptography;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers.GoogleHealth.Import;
using LiverMuscle.Sync.Providers.GoogleHealth.Tokens;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Sqlite;
using LiverMuscle.Sync.Testing;
using Microsoft.AspNetCore.WebUtilities;
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
    private readonly ServiceProvider _services;

    private FitbitStack(ServiceProvider services, string database, string stateDirectory)
    {
        _services = services;
        Database = database;
        StateDirectory = stateDirectory;
    }

    public IServiceProvider Services => _services;

    public string Database { get; }

    public string StateDirectory { get; }

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public static async Task<FitbitStack> StartAsync(
        InfluxDbFixture influx,
        GoogleHealthSandbox sandbox,
        TimeProvider time,
        string? database = null,
        string? stateDirectory = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        database ??= await influx.NewDatabaseAsync("fitbit");
        stateDirectory ??= Directory.CreateTempSubdirectory("fitbit-state-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["State:Path"] = Path.Combine(stateDirectory, "state.db"),
            ["State:EncryptionKey"] = Convert.ToBase64String(SHA256.HashData("fitbit-tests"u8)),
            ["InfluxDb:Url"] = influx.Url.ToString(),
            ["InfluxDb:Database"] = database,
            ["InfluxDb:FlushInterval"] = "00:00:00",
            ["Fitbit:ClientId"] = sandbox.ClientId,
            ["Fitbit:ClientSecret"] = sandbox.ClientSecret,
            ["Fitbit:ApiBaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Fitbit:AuthorizeUrl"] = sandbox.AuthorizeUrl.ToString(),
            ["Fitbit:TokenUrl"] = sandbox.TokenUrl.ToString(),
            ["Fitbit:RetryBaseDelay"] = "00:00:00.010",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Information))
            .AddSingleton(time)
            .AddSqliteStateStore(configuration.GetSection("State"))
            .AddInfluxDbSink(configuration.GetSection("InfluxDb"))
            .AddProviderFramework(configuration.GetSection("Sync"))
            .AddSyncPipeline(configuration.GetSection("Sync"))
            .AddFitbit(configuration.GetSection("Fitbit"))
            .BuildServiceProvider();
        return new FitbitStack(services, database, stateDirectory);
    }

    public SyncRunner Runner => _services.GetRequiredService<SyncRunner>();

    public FitbitExportImporter Importer => _services.GetRequiredService<FitbitExportImporter>();

    /// <summary>Runs the real consent and code exchange, then files the user in the zone of the sandbox user's offset.</summary>
    public async Task<string> AuthorizeAsync(string userId, GoogleHealthSandbox sandbox, TimeProvider time)
    {
        var flow = _services.GetRequiredService<GoogleAuthorizationFlow>();
        var started = flow.Begin(userId, new Uri("http://127.0.0.1:9/callback"), demo: false);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await browser.GetAsync(started.AuthorizeUrl);
        var query = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query);
        Assert.Equal(started.State, query["state"].ToString());
        var connection = await flow.CompleteAsync(userId, query["code"].ToString(), started, CancellationToken.None);
        var healthUserId = connection.Token!.ProviderUserId!;
        Assert.Contains(healthUserId, sandbox.UserIds);
        await _services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord(userId, ZoneOf(sandbox.UtcOffset(healthUserId)), time.GetUtcNow()), CancellationToken.None);
        return healthUserId;
    }

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

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
