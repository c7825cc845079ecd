using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Withings.Sync;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

public sealed class EndToEndTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task Backfill_Resync_EditAndDelete_InfluxMatchesTheSandbox()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 120, Seed = 7 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        var wid = await stack.AuthorizeAsync("alice");

        var backfill = await stack.SyncAsync("alice", Providers.SyncMode.Backfill, DateTimeOffset.UtcNow.AddDays(-130));

        Assert.Equal(SyncOutcome.Ok, backfill.Outcome);
        var own = sandbox.Groups(wid).Where(g => g.IsOwn).ToList();
        var strength = sandbox.Workouts(wid).Where(StrengthSessions.Written).ToList();
        Assert.True(own.Count > 70, $"only {own.Count} weigh-ins generated");
        Assert.Subset(sandbox.ServedGroups(wid).ToHashSet(), own.Select(g => g.GrpId).ToHashSet());
        Assert.Subset(sandbox.ServedWorkouts(wid).ToHashSet(), strength.Select(w => w.Id).ToHashSet());
        var weights = await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "alice");
        Assert.Equal(own.Count, weights.Count);
        foreach (var group in own)
        {
            Assert.Equal((double)group.Weight!.Value, weights[group.GrpId]);
        }

        var durations = await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS, "alice");
        Assert.Equal(strength.Count, durations.Count);
        Assert.All(strength, w => Assert.Equal(w.EndDate - w.StartDate, durations[w.Id]));

        var again = await stack.SyncAsync("alice", Providers.SyncMode.Incremental);
        Assert.Equal(SyncOutcome.Ok, again.Outcome);
        Assert.Equal(own.Count, await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg));
        Assert.Equal(strength.Count, await influx.CountAsync(stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS));

        var recent = own.Where(g => g.Date > DateTimeOffset.UtcNow.AddDays(-5).ToUnixTimeSeconds()).OrderBy(g => g.Date).ToList();
        sandbox.EditWeight(wid, recent[0].GrpId, 81.237);
        sandbox.DeleteGroup(wid, recent[1].GrpId);
        var afterEdit = await stack.SyncAsync("alice", Providers.SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, afterEdit.Outcome);
        weights = await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "alice");
        Assert.Equal(own.Count - 1, weights.Count);
        Assert.Equal(81.237, weights[recent[0].GrpId]);
        Assert.False(weights.ContainsKey(recent[1].GrpId));
    }

    [Fact]
    public async Task PushNotification_NewWeighIn_LandsWithoutWaitingForThePoll()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 10 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: true);
        var wid = await stack.AuthorizeAsync("bob");

        var group = await sandbox.AddWeighInAsync(wid, DateTimeOffset.UtcNow.AddMinutes(-1), 77.71, notify: false, CancellationToken.None);
        var started = DateTimeOffset.UtcNow;
        var delivered = await sandbox.NotifyAsync(wid, 1, group.Date, group.Date + 1, CancellationToken.None);
        var answered = DateTimeOffset.UtcNow - started;

        Assert.Equal(1, delivered);
        Assert.True(answered < TimeSpan.FromSeconds(2), $"the notification took {answered} to answer");
        Dictionary<long, double> weights = [];
        await Eventually.TrueAsync(
            async () => (weights = await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "bob")).ContainsKey(group.GrpId),
            "the notified weigh-in in InfluxDB");

        Assert.Equal(77.71, weights[group.GrpId]);
        Assert.Single(weights);
    }

    [Fact]
    public async Task MalformedGroup_IsLoggedWithItsGrpidAndSkipped_TheRestLands()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 20 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        var wid = await stack.AuthorizeAsync("dave");
        var bad = sandbox.AddMalformedWeighIn(wid, DateTimeOffset.UtcNow.AddDays(-3));

        var run = await stack.SyncAsync("dave", Providers.SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Partial, run.Outcome);
        var own = sandbox.Groups(wid).Where(g => g.IsOwn && g.GrpId != bad.GrpId).ToList();
        var weights = await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "dave");
        Assert.Equal(own.Select(g => g.GrpId).Order(), weights.Keys.Order());
        Assert.Contains(stack.Logs.GetSnapshot(), r => r.Message.Contains(bad.GrpId.ToString(), StringComparison.Ordinal) && r.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.DoesNotContain(stack.Logs.GetSnapshot(), r => r.Message.Contains(sandbox.ClientSecret, StringComparison.Ordinal));
    }
}
