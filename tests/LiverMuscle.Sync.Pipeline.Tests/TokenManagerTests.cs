using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
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
}
