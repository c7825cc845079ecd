using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.Pipeline.Tests;

public sealed class TokenManagerTests
{
    [Fact]
    public async Task GetAccessToken_TwoConcurrentCallersWithAnExpiredToken_RefreshExactlyOnceAndBothGetTheNewToken()
    {
        CountingTokenClient client = null!;
        await using var harness = new FrameworkHarness(s => s.AddSingleton<IOAuthTokenClient>(p => client = new CountingTokenClient("withings", p.GetRequiredService<TimeProvider>())));
        _ = harness.Get<IEnumerable<IOAuthTokenClient>>().ToList();
        var tokens = harness.Get<ITokenStore>();
        await tokens.SaveTokenAsync("alice", "withings", new OAuthToken("stale", "refresh-0", harness.Time.GetUtcNow().AddMinutes(-1), null, "1"), CancellationToken.None);
        var manager = harness.Get<ITokenManager>();

        var first = manager.GetAccessTokenAsync("alice", "withings", CancellationToken.None);
        var second = manager.GetAccessTokenAsync("alice", "withings", CancellationToken.None);
        await Task.Delay(100);
        client.Gate.SetResult();

        Assert.Equal(["access-1", "access-1"], await Task.WhenAll(first, second));
        Assert.Equal(1, client.Refreshes);
        var stored = (await tokens.GetAsync("alice", "withings", CancellationToken.None))!.Token!;
        Assert.Equal(("access-1", "refresh-1"), (stored.AccessToken, stored.RefreshToken));
    }

    [Fact]
    public async Task RefreshAfterRejection_TokenAlreadyReplacedByAnotherCaller_DoesNotRefreshAgain()
    {
        CountingTokenClient client = null!;
        await using var harness = new FrameworkHarness(s => s.AddSingleton<IOAuthTokenClient>(p => client = new CountingTokenClient("withings", p.GetRequiredService<TimeProvider>())));
        var manager = harness.Get<ITokenManager>();
        client.Gate.SetResult();
        await harness.Get<ITokenStore>().SaveTokenAsync("alice", "withings", new OAuthToken("current", "refresh-0", harness.Time.GetUtcNow().AddHours(2), null, "1"), CancellationToken.None);

        var token = await manager.RefreshAfterRejectionAsync("alice", "withings", "older-token", CancellationToken.None);

        Assert.Equal("current", token);
        Assert.Equal(0, client.Refreshes);
        Assert.Equal("access-1", await manager.RefreshAfterRejectionAsync("alice", "withings", "current", CancellationToken.None));
    }

    [Fact]
    public async Task DeadRefreshToken_MarksOnlyThatUserAsNeedingReauthorisation()
    {
        CountingTokenClient client = null!;
        await using var harness = new FrameworkHarness(s => s.AddSingleton<IOAuthTokenClient>(p => client = new CountingTokenClient("withings", p.GetRequiredService<TimeProvider>())));
        var manager = harness.Get<ITokenManager>();
        client.Gate.SetResult();
        client.DeadRefreshTokens.Add("revoked");
        var tokens = harness.Get<ITokenStore>();
        var expired = harness.Time.GetUtcNow().AddMinutes(-5);
        await tokens.SaveTokenAsync("alice", "withings", new OAuthToken("a", "revoked", expired, null, "1"), CancellationToken.None);
        await tokens.SaveTokenAsync("bob", "withings", new OAuthToken("b", "fine", expired, null, "2"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => manager.GetAccessTokenAsync("alice", "withings", CancellationToken.None));
        var bobToken = await manager.GetAccessTokenAsync("bob", "withings", CancellationToken.None);

        Assert.Contains("invalid refresh_token", error.Message, StringComparison.Ordinal);
        Assert.Equal(ConnectionStatus.NeedsReauthorization, (await tokens.GetAsync("alice", "withings", CancellationToken.None))!.Status);
        Assert.Equal(ConnectionStatus.Connected, (await tokens.GetAsync("bob", "withings", CancellationToken.None))!.Status);
        Assert.StartsWith("access-", bobToken, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => manager.GetAccessTokenAsync("alice", "withings", CancellationToken.None));
        Assert.Equal(2, client.Refreshes);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Message.Contains("revoked", StringComparison.Ordinal) || r.Message.Contains(bobToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoProcessesRefreshingOneRotatingToken_RefreshOnce_AndTheSecondUsesTheStoredPair()
    {
        RotatingTokenEndpoint endpoint = null!;
        await using var run = new FrameworkHarness(s => s.AddSingleton(p => (endpoint = new RotatingTokenEndpoint(p.GetRequiredService<TimeProvider>())).ClientFor("withings")));
        _ = run.Get<IEnumerable<IOAuthTokenClient>>().ToList();
        await using var sync = new FrameworkHarness(s => s.AddSingleton(endpoint.ClientFor("withings")), stateDirectory: run.StateDirectory);
        await run.Get<ITokenStore>().SaveTokenAsync("alice", "withings", new OAuthToken("stale", "refresh-0", run.Time.GetUtcNow().AddMinutes(-1), null, "1"), CancellationToken.None);

        var first = run.Get<ITokenManager>().GetAccessTokenAsync("alice", "withings", CancellationToken.None);
        Assert.True(await Eventually.BecomesTrueWithinAsync(() => endpoint.Arrived == 1), "the first refresh did not reach the endpoint");
        var second = sync.Get<ITokenManager>().GetAccessTokenAsync("alice", "withings", CancellationToken.None);
        Assert.False(await Eventually.BecomesTrueWithinAsync(() => second.IsCompleted || endpoint.Arrived > 1, TimeSpan.FromMilliseconds(300)), "the second process did not wait for the first one's refresh");
        endpoint.Gate.SetResult();
        Assert.Equal("access-1", await first);
        while (!second.IsCompleted)
        {
            sync.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(second, Task.Delay(10));
        }

        Assert.Equal("access-1", await second);
        Assert.Equal(new Dictionary<string, int> { ["refresh-0"] = 1 }, endpoint.Uses);
        Assert.Equal(ConnectionStatus.Connected, (await sync.Get<ITokenStore>().GetAsync("alice", "withings", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task RefusedRefreshToken_ThatTheStoreNoLongerHolds_IsNotADeadGrant()
    {
        await using var harness = new FrameworkHarness(s => s.AddSingleton<IOAuthTokenClient>(p => new RotatedElsewhereClient(p.GetRequiredService<ITokenStore>(), p.GetRequiredService<TimeProvider>())));
        var tokens = harness.Get<ITokenStore>();
        await tokens.SaveTokenAsync("alice", "withings", new OAuthToken("stale", "refresh-0", harness.Time.GetUtcNow().AddMinutes(-1), null, "1"), CancellationToken.None);

        var token = await harness.Get<ITokenManager>().GetAccessTokenAsync("alice", "withings", CancellationToken.None);

        Assert.Equal("access-elsewhere", token);
        Assert.Equal(ConnectionStatus.Connected, (await tokens.GetAsync("alice", "withings", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task LeaseOfAProcessThatDied_IsTakenOverOnceItExpires()
    {
        RotatingTokenEndpoint endpoint = null!;
        await using var harness = new FrameworkHarness(s => s.AddSingleton(p => (endpoint = new RotatingTokenEndpoint(p.GetRequiredService<TimeProvider>())).ClientFor("withings")));
        var manager = harness.Get<ITokenManager>();
        endpoint.Gate.SetResult();
        var now = harness.Time.GetUtcNow();
        await harness.Get<ITokenStore>().SaveTokenAsync("alice", "withings", new OAuthToken("stale", "refresh-0", now.AddMinutes(-1), null, "1"), CancellationToken.None);
        Assert.True(await harness.Get<ITokenRefreshLeases>().TryAcquireAsync("alice", "withings", "killed-process", now, now.AddMinutes(2), CancellationToken.None));

        var refresh = manager.GetAccessTokenAsync("alice", "withings", CancellationToken.None);
        Assert.False(await Eventually.BecomesTrueWithinAsync(() => refresh.IsCompleted, TimeSpan.FromMilliseconds(200)));
        while (!refresh.IsCompleted && harness.Time.GetUtcNow() < now.AddMinutes(3))
        {
            harness.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(refresh, Task.Delay(10));
        }

        Assert.Equal("access-1", await refresh);
        Assert.InRange(harness.Time.GetUtcNow(), now.AddMinutes(2), now.AddMinutes(2).AddSeconds(10));
    }

    /// <summary>
    /// A process that takes no lease rotates the token while this one refreshes: the provider refuses the refresh
    /// token this one sent, and the store already holds the other process's pair.
    /// </summary>
    private sealed class RotatedElsewhereClient(ITokenStore tokens, TimeProvider time) : IOAuthTokenClient
    {
        public string Provider => "withings";

        public async Task<TokenGrantResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
        {
            await tokens.SaveTokenAsync("alice", Provider, new OAuthToken("access-elsewhere", "refresh-elsewhere", time.GetUtcNow().AddHours(3), null, "1"), cancellationToken);
            return TokenGrantResult.InvalidGrant("invalid refresh_token");
        }
    }
}
