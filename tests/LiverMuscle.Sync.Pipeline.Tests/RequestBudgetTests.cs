using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Budget;
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
