using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Writing;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>
/// A server that stores part of a batch and drops the rest without naming it (points beyond the retention policy):
/// the dropped points are reported as rejected, never as accepted.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class PartialWriteTests(InfluxDbFixture influx)
{
    private static readonly HashSet<int> Old = [1, 2, 7, 11];

    [Fact]
    public async Task WriteAsync_RealInfluxDbDropsPointsBeyondTheRetentionPolicy_RejectsExactlyThoseAndStoresTheRest()
    {
        var database = await influx.NewDatabaseAsync("retention");
        await influx.ExecuteAsync($"CREATE RETENTION POLICY \"hour\" ON \"{database}\" DURATION 1h REPLICATION 1 DEFAULT", null);
        await using var harness = await SinkHarness.StartAsync(influx.Url, database);
        var points = TestPoints.RecentAndOld(12, Old);

        var result = await harness.Sink.WriteAsync(points, CancellationToken.None);

        Assert.Equal(Old.Order(), result.Rejected.Select(r => r.Index));
        Assert.All(result.Rejected, r => Assert.Equal((true, points[r.Index]), (r.Attributed, r.Point)));
        Assert.All(result.Rejected, r => Assert.Contains("points beyond retention policy", r.Reason, StringComparison.Ordinal));
        Assert.Equal((8, 0), (result.Accepted, result.Spooled));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => Old.Contains(i) ? PointFate.Rejected : PointFate.Accepted), result.Outcomes.Select(o => o.Fate));
        Assert.Equal(8, await influx.CountAsync(database, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
    }

    [Theory]
    [InlineData(PartialWriteShape.V2)]
    [InlineData(PartialWriteShape.V2InternalError)]
    [InlineData(PartialWriteShape.V3)]
    public async Task WriteAsync_CompatibilityServerDropsLinesWithoutNamingThem_RejectsExactlyThoseAndDoesNotSpool(PartialWriteShape shape)
    {
        await using var server = new ScriptedInfluxServer { RetentionCutoff = DateTimeOffset.UtcNow.AddHours(-1), RetentionAnswer = shape };
        await using var harness = await SinkHarness.StartAsync(server.Url, "bucket", new Dictionary<string, string?>
        {
            ["InfluxDb:ApiFlavor"] = shape == PartialWriteShape.V3 ? "V3Compat" : "V2Compat",
            ["InfluxDb:Token"] = "t",
        });
        var points = TestPoints.RecentAndOld(12, Old);

        var result = await harness.Sink.WriteAsync(points, CancellationToken.None);

        Assert.Equal(Old.Order(), result.Rejected.Select(r => r.Index));
        Assert.All(result.Rejected, r => Assert.True(r.Attributed));
        Assert.Equal((8, 0), (result.Accepted, result.Spooled));
        Assert.Equal(8, server.Stored.Distinct().Count());
        Assert.Equal(0, await harness.Get<State.IWriteSpool>().CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_DropsScatteredBeyondWhatNarrowingMayCost_CountsTheUnnamedAsRejectedUnknownNeverAsAccepted()
    {
        await using var server = new ScriptedInfluxServer { RetentionCutoff = DateTimeOffset.UtcNow.AddHours(-1) };
        await using var harness = await SinkHarness.StartAsync(server.Url, "bucket", new Dictionary<string, string?>
        {
            ["InfluxDb:ApiFlavor"] = "V2Compat",
            ["InfluxDb:Token"] = "t",
        });
        var old = Enumerable.Range(0, 200).Where(i => i % 2 == 1).ToHashSet();
        var points = TestPoints.RecentAndOld(200, old);

        var result = await harness.Sink.WriteAsync(points, CancellationToken.None);

        Assert.Equal(200, result.Accepted + result.Rejected.Count);
        Assert.All(old, i => Assert.NotEqual(PointFate.Accepted, result.Outcomes[i].Fate));
        var unknown = result.Rejected.Where(r => !r.Attributed).ToList();
        Assert.NotEmpty(unknown);
        Assert.All(unknown, r => Assert.Equal(PointFate.RejectedUnknown, result.Outcomes[r.Index].Fate));
        Assert.All(unknown, r => Assert.Contains("without naming them", r.Reason, StringComparison.Ordinal));
        Assert.True(server.Writes.Count <= 1 + InfluxBatchSender.NarrowingRequests, $"{server.Writes.Count} requests for one batch");
    }
}
