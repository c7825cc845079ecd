using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

public sealed class MalformedListTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Theory]
    [InlineData(MalformedList.DataPointsNull)]
    [InlineData(MalformedList.DataPointsObject)]
    [InlineData(MalformedList.DataPointsString)]
    [InlineData(MalformedList.StringRoot)]
    [InlineData(MalformedList.ArrayRoot)]
    [InlineData(MalformedList.TokenNotAString)]
    public async Task MalformedListAnswer_DeletesNothing_AndTheRunIsFailed(MalformedList shape)
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 12, Seed = 8 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);
        var id = await stack.AuthorizeAsync("ivy", sandbox, TimeProvider.System);
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("ivy", SyncMode.Incremental)).Outcome);
        var strength = new FitbitOptions().StrengthExerciseTypes;
        var sessions = sandbox.Exercises(id).Where(e => strength.ContainsKey(e.ExerciseType) && e.End - e.Start >= TimeSpan.FromMinutes(5)).ToList();
        var (sessionCount, weighIns) = (await SessionsAsync(stack), await WeighInsAsync(stack));
        Assert.Equal(sessions.Count, sessionCount);
        sandbox.Delete(id, sessions[^1].Name);

        sandbox.InjectMalformedList(shape, 100);
        var run = await stack.SyncAsync("ivy", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.Contains("malformed", run.Error, StringComparison.Ordinal);
        Assert.Equal((sessionCount, weighIns), (await SessionsAsync(stack), await WeighInsAsync(stack)));

        // A well-formed re-read of the same days does remove the session that is gone.
        sandbox.InjectMalformedList(shape, 0);
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("ivy", SyncMode.Incremental)).Outcome);
        Assert.Equal(sessionCount - 1, await SessionsAsync(stack));
    }

    private Task<long> SessionsAsync(FitbitStack stack) => influx.CountAsync(stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS);

    private Task<long> WeighInsAsync(FitbitStack stack) => influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg);
}
