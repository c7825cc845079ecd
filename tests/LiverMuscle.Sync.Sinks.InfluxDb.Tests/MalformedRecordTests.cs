using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

[Collection(InfluxCollection.Name)]
public sealed class MalformedRecordTests(InfluxDbFixture influx)
{
    [Fact]
    public async Task WriteAsync_FieldTypeConflictAndBadName_ReportedByNameAndTheRestLands()
    {
        var database = await influx.NewDatabaseAsync("malformed");
        await using var harness = await SinkHarness.StartAsync(influx.Url, database);
        await harness.Sink.WriteAsync(TestPoints.WeighIns(0, 1), CancellationToken.None);

        var batch = TestPoints.WeighIns(1, 1_000);
        var conflicting = TestPoints.Raw(
            Measurements.BodyComposition,
            new Dictionary<string, string> { [TagNames.User] = "alice", [TagNames.Source] = Sources.Withings },
            new Dictionary<string, FieldValue> { [FieldNames.BodyComposition.WeightKg] = FieldValue.String("heavy") },
            TestPoints.Start.AddDays(1));
        var unnameable = TestPoints.Raw(
            Measurements.BodyComposition,
            new Dictionary<string, string> { [TagNames.User] = "bob\nmallory", [TagNames.Source] = Sources.Withings },
            new Dictionary<string, FieldValue> { [FieldNames.BodyComposition.WeightKg] = FieldValue.Float(80) },
            TestPoints.Start.AddDays(2));
        batch.Insert(400, conflicting);
        batch.Insert(700, unnameable);

        var result = await harness.Sink.WriteAsync(batch, CancellationToken.None);

        Assert.Equal(1_000, result.Accepted);
        Assert.Equal(2, result.Rejected.Count);
        var typeConflict = Assert.Single(result.Rejected, r => r.Index == 400);
        Assert.Same(conflicting, typeConflict.Point);
        Assert.Contains("field type conflict", typeConflict.Reason, StringComparison.Ordinal);
        var lineBreak = Assert.Single(result.Rejected, r => r.Index == 700);
        Assert.Same(unnameable, lineBreak.Point);
        Assert.Contains("line break", lineBreak.Reason, StringComparison.Ordinal);
        Assert.Equal(1_001, await influx.CountAsync(database, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Message.Contains(conflicting.Describe(), StringComparison.Ordinal));
    }
}
