using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

public sealed class RecordIdentityTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task WeightDeletedButBodyFatKept_ThePointHoldsOnlyTheBodyFat()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 20, Seed = 4 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);
        var id = await stack.AuthorizeAsync("jo", sandbox, TimeProvider.System);
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("jo", SyncMode.Incremental)).Outcome);
        var fats = sandbox.BodyFats(id).Select(f => f.Time).ToHashSet();
        var weight = sandbox.Weights(id).Last(w => fats.Contains(w.Time));
        var before = await influx.FieldsAtAsync(stack.Database, Measurements.BodyComposition, "jo", weight.Time);
        Assert.Superset(new HashSet<string> { F.BodyComposition.WeightKg, F.BodyComposition.FatRatioPct, F.BodyComposition.FatMassKg, F.BodyComposition.FatFreeMassKg }, before.ToHashSet());

        sandbox.Delete(id, weight.Name);
        var run = await stack.SyncAsync("jo", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, run.Outcome);
        var after = await influx.FieldsAtAsync(stack.Database, Measurements.BodyComposition, "jo", weight.Time);
        Assert.Equal([F.BodyComposition.FatRatioPct, F.BodyComposition.Manual, F.BodyComposition.SourceId], after.Order());
    }
}
