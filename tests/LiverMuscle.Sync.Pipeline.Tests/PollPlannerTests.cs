using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LiverMuscle.Sync.Pipeline.Tests;

public sealed class PollPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<DateTimeOffset?, DateTimeOffset?, string> Cases => new()
    {
        { Now.AddDays(-3), Now.AddHours(-47), "poll: reconciliation every 4 h (push healthy)" },
        { Now.AddDays(-3), Now.AddHours(-49), "poll: every 15 min" },
        { null, Now.AddMinutes(-1), "poll: every 15 min" },
        { Now.AddMinutes(-1), null, "poll: every 15 min" },
        { null, null, "poll: every 15 min" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Plan_NeedsAConfirmedSubscriptionAndARecentNotification(DateTimeOffset? confirmed, DateTimeOffset? notified, string expected)
    {
        var planner = new PollPlanner(new FixedPushHealth(new PushHealth(confirmed, notified)), Options.Create(new SyncOptions()), new FakeTimeProvider(Now));

        var plan = await planner.GetAsync("alice", "withings", CancellationToken.None);

        Assert.Equal(expected, plan.ToString());
    }

    [Theory]
    [InlineData("00:15:00", false, "poll: every 15 min")]
    [InlineData("01:30:00", false, "poll: every 90 min")]
    [InlineData("1.00:00:00", true, "poll: reconciliation every 1 d (push healthy)")]
    [InlineData("00:00:30", false, "poll: every 30 s")]
    public void Plan_SaysItsIntervalInTheLargestWholeUnit(string interval, bool pushHealthy, string expected) =>
        Assert.Equal(expected, new PollPlan(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture), pushHealthy).ToString());

    [Fact]
    public async Task Plan_ReconcileIntervalShorterThanThePollInterval_PollsAtThePollInterval()
    {
        var planner = new PollPlanner(
            new FixedPushHealth(new PushHealth(Now.AddDays(-1), Now.AddMinutes(-5))),
            Options.Create(new SyncOptions { PollInterval = TimeSpan.FromHours(6), ReconcileInterval = TimeSpan.FromHours(4) }),
            new FakeTimeProvider(Now));

        Assert.Equal("poll: reconciliation every 6 h (push healthy)", (await planner.GetAsync("alice", "withings", CancellationToken.None)).ToString());
    }

    [Theory]
    [InlineData("00:00:00", "Sync:ReconcileInterval must be positive, got 00:00:00.")]
    [InlineData("-00:10:00", "Sync:ReconcileInterval must be positive, got -00:10:00.")]
    public void Options_ReconcileIntervalNotPositive_IsRefusedNamingTheKey(string interval, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => TestHost.Build(new TestHostOptions { Settings = [new("Sync:ReconcileInterval", interval)] }));

        Assert.Contains(expected, error.Failures);
    }

    private sealed class FixedPushHealth(PushHealth health) : IPushHealth
    {
        public Task<PushHealth> GetAsync(string userId, string provider, CancellationToken cancellationToken) => Task.FromResult(health);

        public Task SubscriptionConfirmedAsync(string userId, string provider, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task NotificationReceivedAsync(string userId, string provider, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
