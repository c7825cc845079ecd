using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

public sealed class StatusCommandTests : IDisposable
{
    private const string AccessToken = "status-access-token-0123456789";
    private const string RefreshToken = "status-refresh-token-9876543210";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-status-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Status_ShowsWhatTheStoreKnowsButNeverATokenOrSecret()
    {
        await using (var services = TestHost.Build(new TestHostOptions { StateDirectory = _directory.FullName }))
        {
            var now = DateTimeOffset.UtcNow;
            await services.Get<IUserStore>().UpsertAsync(new UserRecord("alice", "Europe/Berlin", now), CancellationToken.None);
            await services.Get<IUserStore>().UpsertAsync(new UserRecord("bob", "America/New_York", now), CancellationToken.None);
            await services.Get<ITokenStore>().SaveTokenAsync("alice", "withings", new OAuthToken(AccessToken, RefreshToken, now.AddHours(3), "user.metrics", "123"), CancellationToken.None);
            await services.Get<ITokenStore>().SetStatusAsync("bob", "fitbit", ConnectionStatus.NeedsReauthorization, "refresh token expired or revoked", CancellationToken.None);
            await services.Get<ISyncCursorStore>().SetAsync(new SyncCursor("alice", "withings", "body_composition", "1764000000", now), CancellationToken.None);
            await services.Get<ISyncRunLog>().RecordAsync(new SyncRunRecord("alice", "withings", SyncOutcome.Ok, 42, 7, now.AddMinutes(-1), now, null), CancellationToken.None);
            await services.Get<IWriteSpool>().EnqueueAsync("line-protocol", [1], CancellationToken.None);
        }

        var (exitCode, output, error) = await WorkerProcess.RunAsync(_directory.FullName, ConfigurationTests.StateIn(_directory), "status");

        Assert.Equal(0, exitCode);
        Assert.Contains("user alice (time zone Europe/Berlin)", output, StringComparison.Ordinal);
        Assert.Contains("withings: connected", output, StringComparison.Ordinal);
        Assert.Contains("access token expires", output, StringComparison.Ordinal);
        Assert.Contains("cursor body_composition: 1764000000", output, StringComparison.Ordinal);
        Assert.Contains("last sync: ok", output, StringComparison.Ordinal);
        Assert.Contains("42 records, 7 requests", output, StringComparison.Ordinal);
        Assert.Contains("fitbit: NEEDS RE-AUTHORISATION (refresh token expired or revoked)", output, StringComparison.Ordinal);
        Assert.Contains("write spool: 1 batches waiting", output, StringComparison.Ordinal);
        foreach (var text in new[] { output, error })
        {
            Assert.DoesNotContain(AccessToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(RefreshToken, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Status_NamesEachFitbitDataKindTheGoogleGrantLeavesOut_WithHowToGrantIt()
    {
        await using (var services = TestHost.Build(new TestHostOptions { StateDirectory = _directory.FullName }))
        {
            var now = DateTimeOffset.UtcNow;
            const string Granted = "https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly";
            await services.Get<IUserStore>().UpsertAsync(new UserRecord("cleo", "Europe/Berlin", now), CancellationToken.None);
            await services.Get<ITokenStore>().SaveTokenAsync("cleo", "fitbit", new OAuthToken(AccessToken, RefreshToken, now.AddHours(1), Granted, "4471092385510027731"), CancellationToken.None);
        }

        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__Fitbit__ClientId"] = "status-client";
        environment["LIVERMUSCLE__Fitbit__ClientSecret"] = "status-secret";
        var (exitCode, output, error) = await WorkerProcess.RunAsync(_directory.FullName, environment, "status", "--user", "cleo");

        Assert.True(exitCode == 0, error);
        Assert.Contains("fitbit: connected", output, StringComparison.Ordinal);
        Assert.Contains("nutrition: NOT GRANTED (Google's 'nutrition' permission was not granted, so nutrition is not synced; run 'livermuscle-sync auth fitbit --user cleo' and tick it", output, StringComparison.Ordinal);
        Assert.Contains("time zone: NOT GRANTED (Google's 'settings' permission was not granted", output, StringComparison.Ordinal);
        Assert.DoesNotContain("exercise: NOT GRANTED", output, StringComparison.Ordinal);
        Assert.DoesNotContain("body: NOT GRANTED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ShowsTheBudgetEveryProcessLeft_PushHealth_AndThePollMode()
    {
        await using (var services = TestHost.Build(new TestHostOptions { StateDirectory = _directory.FullName }))
        {
            var now = DateTimeOffset.UtcNow;
            await services.Get<IUserStore>().UpsertAsync(new UserRecord("alice", "Europe/Berlin", now), CancellationToken.None);
            await services.Get<IUserStore>().UpsertAsync(new UserRecord("bob", "Europe/Berlin", now), CancellationToken.None);
            await services.Get<ITokenStore>().SaveTokenAsync("alice", "withings", new OAuthToken(AccessToken, RefreshToken, now.AddHours(3), "user.metrics", "123"), CancellationToken.None);
            await services.Get<ITokenStore>().SaveTokenAsync("bob", "withings", new OAuthToken(AccessToken, RefreshToken, now.AddHours(3), "user.metrics", "124"), CancellationToken.None);
            var windows = services.Get<IRequestWindowStore>();
            for (var i = 0; i < 7; i++)
            {
                // Requests another process sent a moment ago.
                Assert.Equal(TimeSpan.Zero, await windows.TryTakeAsync([new RequestScope("withings", 120)], TimeSpan.FromMinutes(1), now.AddSeconds(-5), CancellationToken.None));
            }

            await services.Get<IPushSubscriptionStore>().MarkConfirmedAsync("alice", "withings", now.AddHours(-1), CancellationToken.None);
            await services.Get<IPushSubscriptionStore>().MarkNotifiedAsync("alice", "withings", now.AddMinutes(-2), CancellationToken.None);
        }

        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__Withings__ClientId"] = "client";
        environment["LIVERMUSCLE__Withings__ClientSecret"] = "secret";
        var (exitCode, output, error) = await WorkerProcess.RunAsync(_directory.FullName, environment, "status");

        Assert.True(exitCode == 0, error);
        Assert.Equal(2, output.Split('\n').Count(l => l.Trim() == "request budget: 113/120 per 60 s for the application"));
        Assert.Matches(@"push: subscription confirmed \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z, last notification \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z", output);
        Assert.Contains("push: no subscription confirmed, no notification yet (polling only)", output, StringComparison.Ordinal);
        Assert.Equal(1, output.Split('\n').Count(l => l.Trim() == "poll: reconciliation every 4 h (push healthy)"));
        Assert.Equal(1, output.Split('\n').Count(l => l.Trim() == "poll: every 15 min"));
    }
}
