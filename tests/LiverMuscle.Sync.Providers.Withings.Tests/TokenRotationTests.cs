using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

public sealed class TokenRotationTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task TwoConcurrentSyncs_WithAnExpiredAccessToken_RefreshOnceAtTheSandbox_AndBothSucceed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { TimeProvider = time, HistoryDays = 20 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, time, scheduler: false);
        var wid = sandbox.CreateUser();
        await stack.Services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord("erin", "UTC", time.GetUtcNow()), CancellationToken.None);
        await stack.ConnectDirectAsync("erin", wid, sandbox, time);
        var before = await stack.Services.GetRequiredService<ITokenStore>().GetAsync("erin", ProviderNames.Withings, CancellationToken.None);

        time.Advance(TimeSpan.FromHours(4));
        var runs = await Task.WhenAll(stack.SyncAsync("erin", SyncMode.Incremental), stack.SyncAsync("erin", SyncMode.Incremental));

        Assert.All(runs, run => Assert.Equal(SyncOutcome.Ok, run.Outcome));
        Assert.Equal(1, sandbox.RefreshCount(wid));
        var after = await stack.Services.GetRequiredService<ITokenStore>().GetAsync("erin", ProviderNames.Withings, CancellationToken.None);
        Assert.NotEqual(before!.Token!.RefreshToken, after!.Token!.RefreshToken);
        Assert.True(after.Token.AccessTokenExpiresAt > time.GetUtcNow());
    }

    [Fact]
    public async Task RevokedGrant_MarksOnlyThatUserAsNeedingReauthorisation()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { TimeProvider = time, HistoryDays = 10 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, time, scheduler: false);
        var (frank, grace) = (sandbox.CreateUser(), sandbox.CreateUser());
        foreach (var (user, wid) in new[] { ("frank", frank), ("grace", grace) })
        {
            await stack.Services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord(user, "UTC", time.GetUtcNow()), CancellationToken.None);
            await stack.ConnectDirectAsync(user, wid, sandbox, time);
        }

        sandbox.RevokeGrant(frank);
        time.Advance(TimeSpan.FromHours(4));
        var frankRun = await stack.SyncAsync("frank", SyncMode.Incremental);
        var graceRun = await stack.SyncAsync("grace", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Failed, frankRun.Outcome);
        Assert.Equal(SyncOutcome.Ok, graceRun.Outcome);
        var tokens = stack.Services.GetRequiredService<ITokenStore>();
        Assert.Equal(ConnectionStatus.NeedsReauthorization, (await tokens.GetAsync("frank", ProviderNames.Withings, CancellationToken.None))!.Status);
        Assert.Equal(ConnectionStatus.Connected, (await tokens.GetAsync("grace", ProviderNames.Withings, CancellationToken.None))!.Status);
    }
}
