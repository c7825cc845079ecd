using System.Collections.Concurrent;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace LiverMuscle.Sync.Pipeline.Tests;

/// <summary>The scheduler in fake time, round by round at the 15-minute poll interval without jitter.</summary>
public sealed class PushFirstPollingTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(15);
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Scheduler_WithHealthyPush_PollsAtTheReconcileInterval_AndWithoutPushAtThePollInterval()
    {
        await using var run = await SchedulerRun.StartAsync(async push =>
        {
            await push.MarkConfirmedAsync("alice", "withings", Start.AddDays(-1), CancellationToken.None);
            await push.MarkNotifiedAsync("alice", "withings", Start.AddMinutes(-5), CancellationToken.None);

            // Confirmed but silent, and notified but never confirmed: neither is healthy push.
            await push.MarkConfirmedAsync("carol", "withings", Start.AddDays(-1), CancellationToken.None);
            await push.MarkNotifiedAsync("dave", "withings", Start.AddMinutes(-5), CancellationToken.None);
        }, "alice", "bob", "carol", "dave");

        // Alice weighs herself every two hours; each weigh-in is notified.
        await run.RoundsAsync(32, (round, push) => round % 8 == 0
            ? push.MarkNotifiedAsync("alice", "withings", Start + (Poll * (round - 1)), CancellationToken.None)
            : Task.CompletedTask);

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromHours(4), TimeSpan.FromHours(8)], run.PollsOf("alice"));
        var everyRound = Enumerable.Range(0, 33).Select(i => Poll * i).ToList();
        Assert.Equal(everyRound, run.PollsOf("bob"));
        Assert.Equal(everyRound, run.PollsOf("carol"));
        Assert.Equal(everyRound, run.PollsOf("dave"));
    }

    [Fact]
    public async Task Scheduler_PushThatGoesQuiet_FallsBackToThePollInterval_UntilNotificationsResume()
    {
        await using var run = await SchedulerRun.StartAsync(async push =>
        {
            await push.MarkConfirmedAsync("alice", "withings", Start.AddHours(-1), CancellationToken.None);
            await push.MarkNotifiedAsync("alice", "withings", Start, CancellationToken.None);
        }, "alice");

        // Push counts as healthy for 6 hours after a notification; one arrives again at 6:50.
        await run.RoundsAsync(44, (round, push) => round == 28
            ? push.MarkNotifiedAsync("alice", "withings", Start + TimeSpan.FromMinutes(410), CancellationToken.None)
            : Task.CompletedTask);

        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromHours(4), TimeSpan.FromMinutes(375), TimeSpan.FromMinutes(390), TimeSpan.FromMinutes(405), TimeSpan.FromMinutes(645)],
            run.PollsOf("alice"));
    }

    private sealed class SchedulerRun : IAsyncDisposable
    {
        private readonly FrameworkHarness _harness;
        private readonly TimerCountingTimeProvider _time;
        private readonly ConcurrentQueue<(string UserId, DateTimeOffset At)> _polls;
        private readonly SyncScheduler _scheduler;

        private SchedulerRun(FrameworkHarness harness, TimerCountingTimeProvider time, ConcurrentQueue<(string, DateTimeOffset)> polls)
        {
            _harness = harness;
            _time = time;
            _polls = polls;
            _scheduler = harness.Get<IEnumerable<IHostedService>>().OfType<SyncScheduler>().Single();
        }

        public static async Task<SchedulerRun> StartAsync(Func<IPushSubscriptionStore, Task> arrange, params string[] people)
        {
            var time = new TimerCountingTimeProvider(Start);
            var polls = new ConcurrentQueue<(string, DateTimeOffset)>();
            var source = new ScriptedSource("withings", "body_composition", request =>
            {
                polls.Enqueue((request.UserId, time.GetUtcNow()));
                return [];
            });
            var harness = new FrameworkHarness(s => s
                .AddSingleton<TimeProvider>(time)
                .AddSingleton<ISyncSource>(source)
                .AddSingleton<IPointSink>(new RecordingSink())
                .Configure<SyncOptions>(o =>
                {
                    o.PollJitter = TimeSpan.Zero;
                    o.PushQuietAfter = TimeSpan.FromHours(6);
                }));
            foreach (var person in people)
            {
                await harness.Get<ITokenStore>().SaveTokenAsync(person, "withings", new OAuthToken("a", "r", Start.AddDays(30), null, person), CancellationToken.None);
            }

            await arrange(harness.Get<IPushSubscriptionStore>());
            var run = new SchedulerRun(harness, time, polls);
            await run._scheduler.StartAsync(CancellationToken.None);
            await Eventually.TrueAsync(() => time.Created(Poll) == 1);
            return run;
        }

        /// <summary>Runs this many more rounds, calling <paramref name="before"/> with the round's number before its time comes.</summary>
        public async Task RoundsAsync(int rounds, Func<int, IPushSubscriptionStore, Task> before)
        {
            for (var round = 1; round <= rounds; round++)
            {
                await before(round, _harness.Get<IPushSubscriptionStore>());
                _time.Advance(Poll);
                var expected = round + 1;
                await Eventually.TrueAsync(() => _time.Created(Poll) == expected);
            }
        }

        public List<TimeSpan> PollsOf(string userId) => [.. _polls.Where(p => p.UserId == userId).Select(p => p.At - Start)];

        public async ValueTask DisposeAsync()
        {
            await _scheduler.StopAsync(CancellationToken.None);
            await _harness.DisposeAsync();
        }
    }
}
