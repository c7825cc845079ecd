using Xunit;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

/// <summary>The stores several processes share: refresh leases, request windows, push subscriptions; each harness is another process on the file.</summary>
public sealed class SharedStoresTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task RefreshLease_IsHeldByOneProcess_UntilReleasedOrExpired()
    {
        using var directory = new TempDirectory();
        using var first = new StateHarness(directory.Path);
        using var second = new StateHarness(directory.Path);
        var now = first.Time.GetUtcNow();
        var (a, b) = (first.Get<ITokenRefreshLeases>(), second.Get<ITokenRefreshLeases>());

        Assert.True(await a.TryAcquireAsync("alice", "withings", "run", now, now.AddMinutes(2), CancellationToken.None));
        Assert.True(await a.TryAcquireAsync("alice", "withings", "run", now, now.AddMinutes(2), CancellationToken.None));
        Assert.False(await b.TryAcquireAsync("alice", "withings", "sync", now, now.AddMinutes(2), CancellationToken.None));
        Assert.True(await b.TryAcquireAsync("bob", "withings", "sync", now, now.AddMinutes(2), CancellationToken.None));

        await b.ReleaseAsync("alice", "withings", "sync", CancellationToken.None);
        Assert.False(await b.TryAcquireAsync("alice", "withings", "sync", now.AddMinutes(1), now.AddMinutes(3), CancellationToken.None));
        Assert.True(await b.TryAcquireAsync("alice", "withings", "sync", now.AddMinutes(2), now.AddMinutes(4), CancellationToken.None));
        Assert.False(await a.TryAcquireAsync("alice", "withings", "run", now.AddMinutes(2), now.AddMinutes(4), CancellationToken.None));
        await b.ReleaseAsync("alice", "withings", "sync", CancellationToken.None);
        Assert.True(await a.TryAcquireAsync("alice", "withings", "run", now.AddMinutes(2), now.AddMinutes(4), CancellationToken.None));
    }

    [Fact]
    public async Task RequestWindow_TakesAtMostTheLimitAcrossProcesses_AndNamesTheWait()
    {
        using var directory = new TempDirectory();
        using var first = new StateHarness(directory.Path);
        using var second = new StateHarness(directory.Path);
        var now = first.Time.GetUtcNow();
        RequestScope[] scope = [new("withings", 3)];

        Assert.Equal(TimeSpan.Zero, await first.Get<IRequestWindowStore>().TryTakeAsync(scope, Minute, now, CancellationToken.None));
        Assert.Equal(TimeSpan.Zero, await second.Get<IRequestWindowStore>().TryTakeAsync(scope, Minute, now.AddSeconds(10), CancellationToken.None));
        Assert.Equal(TimeSpan.Zero, await first.Get<IRequestWindowStore>().TryTakeAsync(scope, Minute, now.AddSeconds(20), CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(30), await second.Get<IRequestWindowStore>().TryTakeAsync(scope, Minute, now.AddSeconds(30), CancellationToken.None));
        Assert.Equal(3, await second.Get<IRequestWindowStore>().CountAsync("withings", Minute, now.AddSeconds(30), CancellationToken.None));

        // The first request no longer counts a minute after it was sent.
        Assert.Equal(TimeSpan.Zero, await second.Get<IRequestWindowStore>().TryTakeAsync(scope, Minute, now.AddSeconds(60), CancellationToken.None));

        await first.Get<IRequestWindowStore>().HoldAsync("withings", now.AddMinutes(5), CancellationToken.None);
        await first.Get<IRequestWindowStore>().HoldAsync("withings", now.AddMinutes(4), CancellationToken.None);
        Assert.Equal(TimeSpan.FromMinutes(3), await second.Get<IRequestWindowStore>().TryTakeAsync(scope, Minute, now.AddMinutes(2), CancellationToken.None));
        Assert.Equal(0, await second.Get<IRequestWindowStore>().CountAsync("withings", Minute, now.AddMinutes(2), CancellationToken.None));
    }

    [Fact]
    public async Task RequestWindow_ManyScopes_AreTakenTogetherOrNotAtAll()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var now = state.Time.GetUtcNow();
        var windows = state.Get<IRequestWindowStore>();

        Assert.Equal(TimeSpan.Zero, await windows.TryTakeAsync([new("app", 10), new("app\nalice", 1)], Minute, now, CancellationToken.None));
        Assert.Equal(Minute, await windows.TryTakeAsync([new("app", 10), new("app\nalice", 1)], Minute, now, CancellationToken.None));

        Assert.Equal(1, await windows.CountAsync("app", Minute, now, CancellationToken.None));
    }

    [Fact]
    public async Task PushSubscription_IsFoundByItsTokenHash_AndANewTokenUnconfirmsIt()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var now = state.Time.GetUtcNow();
        var subscriptions = state.Get<IPushSubscriptionStore>();

        await subscriptions.SetTokenHashAsync("alice", "withings", [1, 2, 3], CancellationToken.None);
        await subscriptions.MarkConfirmedAsync("alice", "withings", now, CancellationToken.None);
        await subscriptions.MarkNotifiedAsync("alice", "withings", now.AddMinutes(5), CancellationToken.None);
        await subscriptions.MarkNotifiedAsync("alice", "withings", now.AddMinutes(1), CancellationToken.None);
        await subscriptions.MarkNotifiedAsync("bob", "fitbit", now, CancellationToken.None);

        Assert.Equal("alice", await subscriptions.FindByTokenHashAsync("withings", [1, 2, 3], CancellationToken.None));
        Assert.Null(await subscriptions.FindByTokenHashAsync("fitbit", [1, 2, 3], CancellationToken.None));
        Assert.Null(await subscriptions.FindByTokenHashAsync("withings", [1, 2, 4], CancellationToken.None));
        var alice = await subscriptions.GetAsync("alice", "withings", CancellationToken.None);
        Assert.Equal((now, now.AddMinutes(5)), (alice!.ConfirmedAt, alice.LastNotificationAt));
        Assert.Equal(2, (await subscriptions.ListAsync(CancellationToken.None)).Count);

        await subscriptions.SetTokenHashAsync("alice", "withings", [9], CancellationToken.None);
        alice = await subscriptions.GetAsync("alice", "withings", CancellationToken.None);
        Assert.Null(alice!.ConfirmedAt);
        Assert.Equal(now.AddMinutes(5), alice.LastNotificationAt);
        Assert.Null(await subscriptions.FindByTokenHashAsync("withings", [1, 2, 3], CancellationToken.None));
        Assert.Equal("alice", await subscriptions.FindByTokenHashAsync("withings", [9], CancellationToken.None));
    }
}
