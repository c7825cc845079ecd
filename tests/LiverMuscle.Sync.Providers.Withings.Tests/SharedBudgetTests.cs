using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;
using Xunit.Abstractions;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

public sealed class SharedBudgetTests(InfluxDbFixture influx, ITestOutputHelper output) : IClassFixture<InfluxDbFixture>
{
    private const int Users = 200;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoHundredUsersBackfillingAYear_ShareTheBudgetWithoutA601_AndARestartRefetchesNothingWritten()
    {
        var time = new TimerTrackingTimeProvider(Start);
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { TimeProvider = time, HistoryDays = 365, Seed = 11 }, CancellationToken.None);
        var database = await influx.NewDatabaseAsync("budget");
        var stateDirectory = Directory.CreateTempSubdirectory("withings-budget-").FullName;
        var users = Enumerable.Range(1, Users).ToDictionary(i => $"user{i:000}", _ => sandbox.CreateUser());
        var since = Start.AddDays(-366);

        // First run: stopped once about half of the history is fetched.
        var (stack, budget) = await StartAsync(sandbox, time, database, stateDirectory);
        foreach (var (userId, withingsId) in users)
        {
            await stack.Services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord(userId, "UTC", Start), CancellationToken.None);
            await stack.ConnectDirectAsync(userId, withingsId, sandbox, time);
        }

        using (var stop = new CancellationTokenSource())
        {
            var first = users.Keys.Select(u => stack.SyncAsync(u, SyncMode.Backfill, since, stop.Token)).ToList();
            await SimulatedTimeDriver.RunAsync(time, budget, first, stopWhen: () => sandbox.RequestsServed >= 1_900);
            await stop.CancelAsync();
            await Task.WhenAll(first.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        await stack.DisposeAsync();
        var beforeRestart = sandbox.DataRequests.Count;

        // Second run: a new process on the same state file picks up where the first stopped.
        (stack, budget) = await StartAsync(sandbox, time, database, stateDirectory);
        await using (stack)
        {
            var second = users.Keys.Select(u => stack.SyncAsync(u, SyncMode.Backfill, since)).ToList();
            await SimulatedTimeDriver.RunAsync(time, budget, second);
            Assert.All(await Task.WhenAll(second), run => Assert.Equal(SyncOutcome.Ok, run.Outcome));
        }

        var requests = sandbox.DataRequests;
        var simulated = time.GetUtcNow() - Start;
        var minimum = TimeSpan.FromMinutes(Math.Ceiling(requests.Count / 120.0) - 1);
        output.WriteLine($"{requests.Count} requests for {Users} user-years ({requests.Count / (double)Users:F1} per user-year); simulated {simulated}, minimum {minimum}; {beforeRestart} before the restart");

        Assert.Equal(0, sandbox.RateLimitedAnswers);
        Assert.InRange(simulated, minimum, minimum * 1.1);

        // After the restart a user may repeat, per data kind, only the pages in flight when the first run stopped: the
        // one being written and the one read ahead of it.
        var repeats = requests.Skip(beforeRestart).Where(r => requests.Take(beforeRestart).Contains(r)).ToList();
        Assert.True(repeats.Count <= Users * 2 * 2, $"{repeats.Count} requests repeated after the restart");
        Assert.All(repeats.GroupBy(r => (User: r.Split('?')[0], Kind: r[r.LastIndexOf("action=", StringComparison.Ordinal)..])), perKind => Assert.InRange(perKind.Count(), 1, 2));

        var own = users.Values.Sum(id => sandbox.Groups(id).Count(g => g.IsOwn && g.Date >= since.ToUnixTimeSeconds()));
        Assert.Equal(own, await influx.CountAsync(database, Measurements.BodyComposition, F.BodyComposition.WeightKg));
    }

    private async Task<(WithingsStack Stack, ObservedBudget Budget)> StartAsync(WithingsSandbox sandbox, TimeProvider time, string database, string stateDirectory)
    {
        ObservedBudget? observed = null;
        var stack = await WithingsStack.StartAsync(
            influx,
            sandbox,
            time,
            scheduler: false,
            database,
            stateDirectory,
            configureServices: services => services.Replace(ServiceDescriptor.Singleton<IRequestBudget>(provider =>
            {
                var windows = new ObservedWindows(provider.GetRequiredService<IRequestWindowStore>(), time, () => sandbox.RequestsServed);
                return observed = new ObservedBudget(ActivatorUtilities.CreateInstance<SlidingWindowRequestBudget>(provider, windows)) { Windows = windows };
            })));
        _ = stack.Services.GetRequiredService<IRequestBudget>();
        return (stack, observed!);
    }
}
