using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Markers.Tests;

[Collection(InfluxCollection.Name)]
public sealed class AppendicularMuscleTests(InfluxDbFixture influx)
{
    [Fact]
    public async Task SyncOfSegmentalReadings_WritesTheMuscleMassIndex()
    {
        var database = await influx.NewDatabaseAsync("ammi");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database, new Dictionary<string, string?> { ["Markers:Users:alice:HeightM"] = "1.70" });
        var time = new DateTimeOffset(2026, 10, 5, 6, 30, 0, TimeSpan.Zero);
        var builder = PointBuilder.For(Measurements.BodyComposition).Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Withings)
            .Field(FieldNames.BodyComposition.WeightKg, 62.0)
            .Field(FieldNames.BodyComposition.SegmentMuscleMassKg(BodySegment.LeftArm), 2.4)
            .Field(FieldNames.BodyComposition.SegmentMuscleMassKg(BodySegment.RightArm), 2.6)
            .Field(FieldNames.BodyComposition.SegmentMuscleMassKg(BodySegment.LeftLeg), 7.4)
            .Field(FieldNames.BodyComposition.SegmentMuscleMassKg(BodySegment.RightLeg), 7.6)
            .At(time);
        var withoutSegments = PointBuilder.For(Measurements.BodyComposition).Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Withings)
            .Field(FieldNames.BodyComposition.WeightKg, 62.0).At(time.AddDays(1)).Build();
        await harness.Get<IPointSink>().WriteAsync([builder.Build(), withoutSegments], CancellationToken.None);

        foreach (var handler in harness.Get<IEnumerable<ISyncCompletedHandler>>())
        {
            await handler.OnSyncCompletedAsync(new SyncCompleted("alice", "withings", 2, time, time.AddDays(1)), CancellationToken.None);
        }

        // (2.4 + 2.6 + 7.4 + 7.6) kg / 1.70² m² = 20 / 2.89 = 6.92 kg/m².
        Assert.Equal(1, await influx.CountAsync(database, "health_marker", "value", "\"marker\" = 'ammi'"));
        Assert.Equal(6.92, (await influx.ScalarAsync("SELECT \"value\" FROM \"health_marker\" WHERE \"marker\" = 'ammi' AND \"source\" = 'computed'", database))!.Value.GetDouble());
    }
}
