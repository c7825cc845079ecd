using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>The Google grant is revoked at the revocation endpoint <c>Fitbit:RevokeUrl</c> points at.</summary>
public sealed class TokenRevokerTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task Revoke_EndsTheGrantAtGoogle_AndASecondRevocationFindsItGone()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 2 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, time, settings: new Dictionary<string, string?> { ["Fitbit:RevokeUrl"] = sandbox.RevokeUrl.ToString() });
        var healthUserId = await stack.AuthorizeAsync("eve", sandbox, time);
        Assert.True(sandbox.HasLiveGrant(healthUserId));
        var revoker = stack.Services.GetServices<ITokenRevoker>().Single();

        var first = await revoker.RevokeAsync("eve", CancellationToken.None);
        var second = await revoker.RevokeAsync("eve", CancellationToken.None);

        Assert.Equal(RevocationResult.Done(ProviderNames.Fitbit, "Google revoked the grant"), first);
        Assert.False(sandbox.HasLiveGrant(healthUserId));
        Assert.Equal(RevocationResult.Done(ProviderNames.Fitbit, "the grant was already revoked or expired at Google"), second);
    }

    [Fact]
    public async Task Revoke_WithTheEndpointUnreachable_IsAFailureToReport_NotAnException()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 2 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, time, settings: new Dictionary<string, string?> { ["Fitbit:RevokeUrl"] = $"http://127.0.0.1:{FreePort.Next()}/revoke" });
        var healthUserId = await stack.AuthorizeAsync("eve", sandbox, time);

        var result = await stack.Services.GetServices<ITokenRevoker>().Single().RevokeAsync("eve", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Google's revocation endpoint could not be reached (", result.Detail, StringComparison.Ordinal);
        Assert.EndsWith("remove the app at myaccount.google.com/connections", result.Detail, StringComparison.Ordinal);
        Assert.True(sandbox.HasLiveGrant(healthUserId));
    }
}
