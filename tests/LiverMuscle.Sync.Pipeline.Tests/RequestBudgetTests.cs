using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LiverMuscle.Sync.Pipeline.Tests;

public sealed class RequestBudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Acquire_ManyUsersSharingAnApplicationLimit_NeverExceedItAndFinishAtTheMinimum()
    {
        var time = new FakeTimeProvider(Start);
        using var budget = new SlidingWindowRequestBudget([new ProviderRateLimit("withings", 120, null, TimeSpan.FromMinutes(1))], time);
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

        await DriveAsync(time, Task.WhenAll(users));

        Assert.Equal(500, grants.Count);
        Assert.All(grants, g => Assert.True(grants.Count(o => o >= g && o < g.AddMinutes(1)) <= 120, $"more than 120 requests in the minute after {g:T}"));
        // 500 requests at 120 per minute cannot finish before minute 4; the budget wastes no capacity beyond the driver's step.
        Assert.InRange(grants.Max(), Start.AddMinutes(4), Start.AddMinutes(4).AddSeconds(5));
    }

    [Fact]
    public async Task Acquire_PerUserLimit_UsersDoNotWaitForEachOther()
    {
        var time = new FakeTimeProvider(Start);
        using var budget = new SlidingWindowRequestBudget([new ProviderRateLimit("fitbit", null, 300, TimeSpan.FromMinutes(1))], time);
        for (var i = 0; i < 300; i++)
        {
            await budget.AcquireAsync("fitbit", "alice", CancellationToken.None);
        }

        await budget.AcquireAsync("fitbit", "bob", CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        var alice301 = budget.AcquireAsync("fitbit", "alice", CancellationToken.None).AsTask();
        await Task.Delay(50);

        Assert.False(alice301.IsCompleted);
        Assert.Equal(0, budget.GetSnapshot("fitbit", "alice").Remaining);
        Assert.Equal(299, budget.GetSnapshot("fitbit", "bob").Remaining);
        time.Advance(TimeSpan.FromMinutes(1));
        await alice301.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Penalize_HoldsEveryRequestOfTheScopeUntilTheGivenTime()
    {
        var time = new FakeTimeProvider(Start);
        using var budget = new SlidingWindowRequestBudget([new ProviderRateLimit("withings", 120, null, TimeSpan.FromMinutes(1))], time);
        budget.Penalize("withings", "alice", Start.AddSeconds(30));

        var held = budget.AcquireAsync("withings", "bob", CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(held.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(30));
        await held.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Restart_RequestsOfTheLastWindowStillCount_OlderOnesDoNot()
    {
        var time = new FakeTimeProvider(Start);
        var limit = new ProviderRateLimit("withings", 120, null, TimeSpan.FromMinutes(1));
        using var directory = new TempStateFile();
        await using (var first = new SlidingWindowRequestBudget([limit], time, directory.Open()))
        {
            for (var i = 0; i < 100; i++)
            {
                await first.AcquireAsync("withings", "alice", CancellationToken.None);
            }
        }

        time.Advance(TimeSpan.FromSeconds(20));
        await using var second = new SlidingWindowRequestBudget([limit], time, directory.Open());
        for (var i = 0; i < 20; i++)
        {
            await second.AcquireAsync("withings", "bob", CancellationToken.None);
        }

        var held = second.AcquireAsync("withings", "bob", CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(held.IsCompleted, "the 121st request inside one minute across the restart was granted");
        time.Advance(TimeSpan.FromSeconds(40));
        await held.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Restart_WindowsSavedInTheEarlierTextForm_StillCount()
    {
        var time = new FakeTimeProvider(Start);
        var limit = new ProviderRateLimit("withings", 120, null, TimeSpan.FromMinutes(1));
        using var directory = new TempStateFile();
        var store = directory.Open();
        var grants = string.Join(',', Enumerable.Range(0, 120).Select(i => Start.AddSeconds(-30).ToUnixTimeMilliseconds() + i));
        await store.SetAsync(SlidingWindowRequestBudget.StateKey, $"withings\t{Start.ToUnixTimeMilliseconds()}\t{grants}\n", secret: false, CancellationToken.None);
        await using var budget = new SlidingWindowRequestBudget([limit], time, store);

        var held = budget.AcquireAsync("withings", "alice", CancellationToken.None).AsTask();
        await Task.Delay(50);

        Assert.False(held.IsCompleted, "120 requests saved in the text form were forgotten");
        time.Advance(TimeSpan.FromSeconds(31));
        await held.WaitAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>A real SQLite state file, opened anew for each simulated process.</summary>
    private sealed class TempStateFile : IDisposable
    {
        private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-budget-");
        private readonly List<ServiceProvider> _providers = [];

        public IKeyValueStore Open()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["State:Path"] = Path.Combine(_directory.FullName, "state.db"),
            }).Build();
            var provider = new ServiceCollection().AddLogging().AddSqliteStateStore(configuration.GetSection("State")).BuildServiceProvider();
            _providers.Add(provider);
            return provider.GetRequiredService<IKeyValueStore>();
        }

        public void Dispose()
        {
            _providers.ForEach(p => p.Dispose());
            _directory.Delete(recursive: true);
        }
    }

    /// <summary>Advances fake time to the next pending timer whenever every worker is waiting on one.</summary>
    private static async Task DriveAsync(FakeTimeProvider time, Task work)
    {
        while (!work.IsCompleted)
        {
            await Task.Delay(5);
            if (!work.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        await work;
    }
}
