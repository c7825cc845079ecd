using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Logging;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

public sealed class RecordIdentityTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task NumericDeviceIds_OfABodyPro2AndOfWorkouts_LandLikeStringOnes()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 40, Seed = 3 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        var wid = await stack.AuthorizeAsync("noa");
        var own = sandbox.Groups(wid).Where(g => g.IsOwn).ToList();
        var strength = sandbox.Workouts(wid).Where(StrengthSessions.Written).ToList();
        Assert.Contains(own, g => g.Model == "Body Pro 2" && long.TryParse(g.DeviceId, out _));
        Assert.Contains(strength, w => w.Id % 3 == 0);

        var run = await stack.SyncAsync("noa", SyncMode.Backfill, DateTimeOffset.UtcNow.AddDays(-41));

        Assert.Equal(SyncOutcome.Ok, run.Outcome);
        var weights = await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "noa");
        Assert.Equal(own.Select(g => g.GrpId).Order(), weights.Keys.Order());
        Assert.Equal(own.Count(g => g.Model is not null), await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "\"device\" = 'body_pro_2'"));
        var durations = await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS, "noa");
        Assert.Equal(strength.Select(w => w.Id).Order(), durations.Keys.Order());
    }

    [Fact]
    public async Task OneUnreadableWorkoutAmongGoodOnes_IsNamedAndSkipped_TheRestLands()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 20 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        var wid = await stack.AuthorizeAsync("oli");
        var bad = sandbox.AddMalformedWorkout(wid, DateTimeOffset.UtcNow.AddDays(-2));

        var run = await stack.SyncAsync("oli", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Partial, run.Outcome);
        Assert.Equal(1, run.Rejected);
        var good = sandbox.Workouts(wid).Where(w => StrengthSessions.Written(w) && !w.Malformed).Select(w => w.Id).Order().ToList();
        Assert.NotEmpty(good);
        var durations = await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS, "oli");
        Assert.Equal(good, durations.Keys.Order());
        Assert.Contains(stack.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains($"workout {bad.Id} cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WeightDeletedAtTheSource_ThePointHoldsExactlyTheFieldsThatRemain()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 10 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        var wid = await stack.AuthorizeAsync("pia");
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("pia", SyncMode.Incremental)).Outcome);
        var group = sandbox.Groups(wid).Where(g => g.Attrib == 0 && g.Measures.Any(m => m.Type == 6)).OrderBy(g => g.Date).Last();
        var at = DateTimeOffset.FromUnixTimeSeconds(group.Date);
        var before = await influx.FieldsAtAsync(stack.Database, Measurements.BodyComposition, "pia", at);
        Assert.Contains(F.BodyComposition.WeightKg, before);
        Assert.Contains(F.BodyComposition.FatRatioPct, before);

        sandbox.RemoveMeasures(wid, group.GrpId, 1);
        var run = await stack.SyncAsync("pia", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, run.Outcome);
        var after = await influx.FieldsAtAsync(stack.Database, Measurements.BodyComposition, "pia", at);
        Assert.Equal(before.Where(f => f != F.BodyComposition.WeightKg).Order(), after.Order());
    }
}
