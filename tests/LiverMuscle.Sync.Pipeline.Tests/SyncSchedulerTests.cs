using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace LiverMuscle.Sync.Pipeline.Tests;

public sealed class SyncSchedulerTests
{
    [Fact]
    public async Task Scheduler_PollsConnectedUsersEachInterval_RunsPushesAtOnce_AndSkipsUsersNeedingReauthorisation()
    {
        var source = new ScriptedSource("withings", "body_composition", _ => []);
        await using var harness = new FrameworkHarness(s => s
            .AddSingleton<ISyncSource>(source)
            .AddSingleton<IPointSink>(new RecordingSink())
            .AddSingleton(new Random(7)));
        var tokens = harness.Get<ITokenStore>();
        await tokens.SaveTokenAsync("alice", "withings", new OAuthToken("a", "r", harness.Time.GetUtcNow().AddHours(3), null, "1"), CancellationToken.None);
        await tokens.SaveTokenAsync("bob", "withings", new OAuthToken("b", "r", harness.Time.GetUtcNow().AddHours(3), null, "2"), CancellationToken.None);
        await tokens.SetStatusAsync("bob", "withings", ConnectionStatus.NeedsReauthorization, "invalid refresh_token", CancellationToken.None);
        var scheduler = harness.Get<IEnumerable<IHostedService>>().OfType<SyncScheduler>().Single();

        await scheduler.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => source.Requests.Count == 1);
        Assert.Equal(("alice", SyncMode.Incremental), (source.Requests.Single().UserId, source.Requests.Single().Mode));

        harness.Get<ISyncTriggerQueue>().Enqueue(new SyncTrigger("alice", "withings", Since: harness.Time.GetUtcNow().AddHours(-1), Until: harness.Time.GetUtcNow()));
        await Eventually.TrueAsync(() => source.Requests.Count == 2);
        Assert.Equal(SyncMode.Targeted, source.Requests.Last().Mode);
        Assert.Null(source.Requests.Last().DataKinds);

        harness.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.False(await Eventually.BecomesTrueWithinAsync(() => source.Requests.Count > 2, TimeSpan.FromMilliseconds(300)), "polled before the interval was up");
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(() => source.Requests.Count == 3);
        Assert.DoesNotContain(source.Requests, r => r.UserId == "bob");

        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Scheduler_PushNamingADataKind_RunsATargetedSyncOfThatKindOnly()
    {
        var body = new ScriptedSource("withings", "body_composition", _ => []);
        var workouts = new ScriptedSource("withings", "workouts", _ => []);
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(body).AddSingleton<ISyncSource>(workouts).AddSingleton<IPointSink>(new RecordingSink()));
        var scheduler = harness.Get<IEnumerable<IHostedService>>().OfType<SyncScheduler>().Single();

        await scheduler.StartAsync(CancellationToken.None);
        harness.Get<ISyncTriggerQueue>().Enqueue(new SyncTrigger("alice", "withings", "workouts", harness.Time.GetUtcNow().AddHours(-1), harness.Time.GetUtcNow()));
        await Eventually.TrueAsync(() => !workouts.Requests.IsEmpty);
        await scheduler.StopAsync(CancellationToken.None);

        var request = Assert.Single(workouts.Requests);
        Assert.Equal((SyncMode.Targeted, "workouts"), (request.Mode, Assert.Single(request.DataKinds!)));
        Assert.Empty(body.Requests);
    }
}
