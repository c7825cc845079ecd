using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

public sealed class MalformedAnswerTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Theory]
    [InlineData(MalformedOk.NoBody)]
    [InlineData(MalformedOk.EmptyBody)]
    [InlineData(MalformedOk.NullList)]
    [InlineData(MalformedOk.NotAList)]
    public async Task MalformedStatus0Answer_DeletesNothing_AndTheRunIsFailed(MalformedOk shape)
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 10 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        var wid = await stack.AuthorizeAsync("mia");
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("mia", SyncMode.Incremental)).Outcome);
        var weighIns = await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "mia");
        var sessions = await influx.CountAsync(stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS);
        var gone = sandbox.Groups(wid).Where(g => g.IsOwn).OrderBy(g => g.Date).Last();
        sandbox.DeleteGroup(wid, gone.GrpId);

        // The body change feed answers well; its look-back re-read and everything after it are malformed.
        sandbox.InjectMalformedOk(shape, count: 100, skip: 1);
        var run = await stack.SyncAsync("mia", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.Contains("malformed", run.Error, StringComparison.Ordinal);
        Assert.Equal(weighIns, await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "mia"));
        Assert.Equal(sessions, await influx.CountAsync(stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS));

        // A well-formed re-read of the same window does remove the weigh-in that is gone.
        sandbox.InjectMalformedOk(shape, count: 0);
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("mia", SyncMode.Incremental)).Outcome);
        var after = await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "mia");
        Assert.Equal(weighIns.Keys.Where(id => id != gone.GrpId).Order(), after.Keys.Order());
    }
}
