using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LiverMuscle.Sync.Pipeline.Tests;

/// <summary>The request budget over a real SQLite state file; each <see cref="TempStateFile.Open"/> acts as another process on it.</summary>
public sealed class RequestBudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    private static readonly ProviderRateLimit Withings = new("withings", 120, null, TimeSpan.FromMinutes(1));

    [Fact]
    public async Task Acquire_ManyUsersSharingAnApplicationLimit_NeverExceedItAndFinishAtTheMinimum()
    {
        var time = new FakeTimeProvider(Start);
        using var state = new TempStateFile();
        using var budget = state.Budget(Withings, time);
        var grants = new List<DateTimeOffset>();
        var users = Enumerable.Range(0, 10).Select(u => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await budget.AcquireAsync("withings", "user" + u, CancellationToken.None);
                lock (grants)
                {
                    grants.Add(time.GetUtcNow());
                }
            }
        })).ToList();

        await DriveAsync(time, () => grants.Count, Task.WhenAll(users));

        Assert.Equal(500, grants.Count);
        Assert.All(grants, g => Assert.True(grants.Count(o => o >= g && o < g.AddMinutes(1)) <= 120, $"more than 120 requests in the minute after {g:T}"));
        // 500 requests at 120 per minute cannot finish before minute 4; the budget wastes no capacity beyond the driver's step.
        Assert.InRange(grants.Max(), Start.AddMinutes(4), Start.AddMinutes(4).AddSeconds(5));
    }

    [Fact]
    public async Task Acquire_TwoProcessesOnOneStateFile_ShareOneWindow()
    {
        var time = new FakeTimeProvider(Start);
        using var state = new TempStateFile();
        using var run = state.Budget(Withings, time);
        using var backfill = state.Budget(Withings, time);
        var granted = 0;
        var processes = new[] { run, backfill }.Select(budget => Task.Run(async () =>
        {
            for (var i = 0; i < 80; i++)
            {
                await budget.AcquireAsync("withings", "alice", CancellationToken.None);
                Interlocked.Increment(ref granted);
            }
        })).ToList();

        Assert.True(await Eventually.BecomesTrueWithinAsync(() => Volatile.Read(ref granted) == 120), $"{granted} requests granted in the first minute; {string.Join("; ", processes.Where(p => p.IsFaulted).Select(p => p.Exception!.InnerException))}");
        Assert.False(await Eventually.BecomesTrueWithinAsync(() => Volatile.Read(ref granted) > 120, TimeSpan.FromMilliseconds(300)), "two processes together sent more than 120 requests in one minute");
        Assert.Equal(0, (await run.GetSnapshotAsync("withings", null, CancellationToken.None)).Remaining);
        Assert.Equal(0, (await backfill.GetSnapshotAsync("withings", "bob", CancellationToken.None)).Remaining);

        time.Advance(TimeSpan.FromMinutes(1) + SlidingWindowRequestBudget.ArrivalMargin);
        await Task.WhenAll(processes).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(160, granted);
        Assert.Equal(80, (await state.Budget(Withings, time).GetSnapshotAsync("withings", null, CancellationToken.None)).Remaining);
    }

    [Fact]
    public async Task Acquire_PerUserLimit_UsersDoNotWaitForEachOther()
    {
        var time = new FakeTimeProvider(Start);
        using var state = new TempStateFile();
        using var budget = state.Budget(new ProviderRateLimit("fitbit", null, 300, TimeSpan.FromMinutes(1)), time);
        for (var i = 0; i < 300; i++)
        {
            await budget.AcquireAsync("fitbit", "alice", CancellationToken.None);
        }

        await budget.AcquireAsync("fitbit", "bob", CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        var alice301 = budget.AcquireAsync("fitbit", "alice", CancellationToken.None).AsTask();

        Assert.False(await Eventually.BecomesTrueWithinAsync(() => alice301.IsCompleted, TimeSpan.FromMilliseconds(100)));
        Assert.Equal(0, (await budget.GetSnapshotAsync("fitbit", "alice", CancellationToken.None)).Remaining);
        Assert.Equal(299, (await budget.GetSnapshotAsync("fitbit", "bob", CancellationToken.None)).Remaining);
        time.Advance(TimeSpan.FromMinutes(1) + SlidingWindowRequestBudget.ArrivalMargin);
        await alice301.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Penalize_HoldsEveryRequestOfTheScopeUntilTheGivenTime_InEveryProcess()
    {
        var time = new FakeTimeProvider(Start);
        using var state = new TempStateFile();
        using var budget = state.Budget(Withings, time);
        using var other = state.Budget(Withings, time);
        await budget.PenalizeAsync("withings", "alice", Start.AddSeconds(30), CancellationToken.None);

        var held = other.AcquireAsync("withings", "bob", CancellationToken.None).AsTask();
        Assert.False(await Eventually.BecomesTrueWithinAsync(() => held.IsCompleted, TimeSpan.FromMilliseconds(100)));
        time.Advance(TimeSpan.FromSeconds(30));
        await held.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Restart_RequestsOfTheLastWindowStillCount_OlderOnesDoNot_EvenWithoutACleanExit()
    {
        var time = new FakeTimeProvider(Start);
        using var state = new TempStateFile();

        // The first process is killed: it never disposes its budget, and nothing is saved at exit.
        var first = state.Budget(Withings, time);
        for (var i = 0; i < 100; i++)
        {
            await first.AcquireAsync("withings", "alice", CancellationToken.None);
        }

        time.Advance(TimeSpan.FromSeconds(20));
        using var second = state.Budget(Withings, time);
        Assert.Equal(20, (await second.GetSnapshotAsync("withings", null, CancellationToken.None)).Remaining);
        for (var i = 0; i < 20; i++)
        {
            await second.AcquireAsync("withings", "bob", CancellationToken.None);
        }

        var held = second.AcquireAsync("withings", "bob", CancellationToken.None).AsTask();
        Assert.False(await Eventually.BecomesTrueWithinAsync(() => held.IsCompleted, TimeSpan.FromMilliseconds(100)), "the 121st request inside one minute across the restart was granted");
        time.Advance(TimeSpan.FromSeconds(40) + SlidingWindowRequestBudget.ArrivalMargin);
        await held.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(99, (await second.GetSnapshotAsync("withings", null, CancellationToken.None)).Remaining);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restart_WindowsSavedByAnEarlierVersion_StillCount(bool json)
    {
        var time = new FakeTimeProvider(Start);
        using var state = new TempStateFile();
        var grants = Enumerable.Range(0, 120).Select(i => Start.AddSeconds(-30).ToUnixTimeMilliseconds() + i).ToList();
        var saved = json
            ? $$"""{"windows":[{"provider":"withings","holdUntil":{{Start.ToUnixTimeMilliseconds()}},"grants":[{{string.Join(',', grants)}}]}]}"""
            : $"withings\t{Start.ToUnixTimeMilliseconds()}\t{string.Join(',', grants)}\n";
        await state.KeyValues.SetAsync(SlidingWindowRequestBudget.StateKey, saved, secret: false, CancellationToken.None);
        using var budget = state.Budget(Withings, time);

        var held = budget.AcquireAsync("withings", "alice", CancellationToken.None).AsTask();

        Assert.False(await Eventually.BecomesTrueWithinAsync(() => held.IsCompleted, TimeSpan.FromMilliseconds(100)), "120 requests saved by an earlier version were forgotten");
        time.Advance(TimeSpan.FromSeconds(30) + SlidingWindowRequestBudget.ArrivalMargin);
        await held.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Null(await state.KeyValues.GetAsync(SlidingWindowRequestBudget.StateKey, CancellationToken.None));
    }

    /// <summary>A real SQLite state file; every <see cref="Budget"/> is another process's budget on it.</summary>
    private sealed class TempStateFile : IDisposable
    {
        private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-budget-");
        private readonly List<TestHost> _providers = [];

        public IKeyValueStore KeyValues => Open().GetRequiredService<IKeyValueStore>();

        public SlidingWindowRequestBudget Budget(ProviderRateLimit limit, TimeProvider time)
        {
            var services = Open();
            return new SlidingWindowRequestBudget([limit], time, services.GetRequiredService<IRequestWindowStore>(), services.GetRequiredService<IKeyValueStore>());
        }

        public void Dispose()
        {
            _providers.ForEach(p => p.Dispose());
            _directory.Delete(recursive: true);
        }

        private TestHost Open()
        {
            var provider = TestHost.Build(new TestHostOptions { StateDirectory = _directory.FullName });
            _providers.Add(provider);
            return provider;
        }
    }

    /// <summary>Advances fake time a second whenever the workers have granted nothing for a while (all are waiting on a timer).</summary>
    private static async Task DriveAsync(FakeTimeProvider time, Func<int> progress, Task work)
    {
        var last = -1;
        var idle = System.Diagnostics.Stopwatch.StartNew();
        while (!work.IsCompleted)
        {
            await Task.Delay(5);
            if (progress() != last)
            {
                last = progress();
                idle.Restart();
            }
            else if (idle.ElapsedMilliseconds > 30)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                idle.Restart();
            }
        }

        await work;
    }
}
