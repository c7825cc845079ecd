using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Providers.Withings.Sync;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

public sealed class RequestPathTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FailedRun_RecordsEveryAttemptItSent()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false, settings: new Dictionary<string, string?>
        {
            ["Withings:MaxRetries"] = "2",
            ["Withings:RetryBaseDelay"] = "00:00:00.001",
        });
        await stack.AuthorizeAsync("quinn");
        var before = sandbox.DataRequests.Count;
        sandbox.InjectFailures(522, 1000);

        var run = await stack.SyncAsync("quinn", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        // Two sources, each three attempts (one and two retries) before it gives up.
        Assert.Equal(6, sandbox.DataRequests.Count - before);
        Assert.Equal(6, run.Requests);
        Assert.Equal(6, (await stack.Services.GetRequiredService<ISyncRunLog>().ListLatestAsync("quinn", CancellationToken.None)).Single().Requests);
        var recorded = await influx.ScalarAsync($"SELECT last(\"{F.SyncRun.Requests}\") FROM \"{Measurements.SyncRun}\" WHERE \"user\" = 'quinn'", stack.Database);
        Assert.Equal(6, recorded!.Value.GetInt64());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(522)]
    [InlineData(5003)]
    public async Task GatewayPagesTimeoutsAndErrorOccurredAnswers_AreRetried_ThenTheRunSucceeds(int status)
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false, settings: new Dictionary<string, string?> { ["Withings:RetryBaseDelay"] = "00:00:00.001" });
        await stack.AuthorizeAsync("ola");
        var before = sandbox.DataRequests.Count;
        sandbox.InjectFailures(status, 2);

        var run = await stack.SyncAsync("ola", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, run.Outcome);
        Assert.Equal(sandbox.DataRequests.Count - before, run.Requests);
        // The data kinds read side by side: each of the two refused requests is sent again after them.
        var sent = sandbox.DataRequests;
        Assert.All(sent.Skip(before).Take(2), refused => Assert.Contains(refused, sent.Skip(before + 2)));
    }

    [Fact]
    public async Task RateLimitAnswer_HoldsTheApplicationBudgetForAWindow_ThenSendsAgain()
    {
        var time = new FakeTimeProvider(Start);
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { TimeProvider = time, HistoryDays = 5 }, CancellationToken.None);
        ObservedBudget? budget = null;
        await using var stack = await WithingsStack.StartAsync(
            influx,
            sandbox,
            time,
            scheduler: false,
            configureServices: services => services.Replace(ServiceDescriptor.Singleton<IRequestBudget>(provider =>
                budget = new ObservedBudget(ActivatorUtilities.CreateInstance<SlidingWindowRequestBudget>(provider)))));
        var wid = sandbox.CreateUser();
        await stack.Services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord("rae", "UTC", Start), CancellationToken.None);
        await stack.ConnectDirectAsync("rae", wid, sandbox, time);
        sandbox.InjectFailures(601, 1);

        // One data kind, so that no request of another kind, sent side by side, was on its way before the 601 came.
        var run = stack.Runner.RunAsync(new SyncRequest("rae", null, SyncMode.Incremental, DataKinds: new HashSet<string> { WithingsDataKinds.BodyComposition }), ProviderNames.Withings, null, CancellationToken.None);

        await Eventually.TrueAsync(() => sandbox.DataRequests.Count == 1 && budget!.Waiting == 1, "the request after the 601 did not wait for the budget");
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(await Eventually.BecomesTrueWithinAsync(() => sandbox.DataRequests.Count > 1, TimeSpan.FromMilliseconds(300)), "a request was sent while the budget was held");
        time.Advance(TimeSpan.FromSeconds(1));
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(SyncOutcome.Ok, summary.Outcome);
        Assert.Equal(sandbox.DataRequests[0], sandbox.DataRequests[1]);
        Assert.Equal(sandbox.DataRequests.Count, summary.Requests);
        Assert.Contains(stack.Logs.GetSnapshot(), r => r.Message.Contains("holding every withings request until", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PushForAWeighIn_ReadsMeasuresOnly()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 10 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: true);
        var wid = await stack.AuthorizeAsync("sam");
        var group = await sandbox.AddWeighInAsync(wid, DateTimeOffset.UtcNow.AddMinutes(-1), 71.3, notify: false, CancellationToken.None);
        var day = DateTimeOffset.FromUnixTimeSeconds(group.Date).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(1, await sandbox.NotifyAsync(wid, 1, group.Date, group.Date + 1, CancellationToken.None));

        await Eventually.TrueAsync(async () => (await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "sam")).ContainsKey(group.GrpId), "the weigh-in did not land");
        await Eventually.TrueAsync(async () => await influx.CountAsync(stack.Database, Measurements.SyncRun, F.SyncRun.Requests, $"\"{F.SyncRun.Requests}\" = 1 AND \"{F.SyncRun.Records}\" = 1") == 1, "no run of one request wrote the weigh-in");
        // Requests of the notified window (a poll running beside it reads other windows).
        var targeted = sandbox.DataRequests.Where(r => r.Contains($"startdate={group.Date}&", StringComparison.Ordinal) || r.Contains($"startdateymd={day}&", StringComparison.Ordinal)).ToList();
        Assert.EndsWith("action=getmeas", Assert.Single(targeted), StringComparison.Ordinal);
    }
}
