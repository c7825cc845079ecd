using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

[Collection(InfluxCollection.Name)]
public sealed class ExactlyOnceTests(InfluxDbFixture influx)
{
    [Fact]
    public async Task WriteAsync_HundredThousandPoints_ArriveExactlyOnceAndRewritingAddsNothing()
    {
        var database = await influx.NewDatabaseAsync("once");
        await using var harness = await SinkHarness.StartAsync(influx.Url, database);

        var accepted = 0;
        for (var i = 0; i < 100_000; i += 2_500)
        {
            accepted += (await harness.Sink.WriteAsync(TestPoints.WeighIns(i, 2_500), CancellationToken.None)).Accepted;
        }

        Assert.Equal(100_000, accepted);
        Assert.Equal(100_000, await influx.CountAsync(database, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));

        await harness.Sink.WriteAsync(TestPoints.WeighIns(0, 5_000), CancellationToken.None);
        Assert.Equal(100_000, await influx.CountAsync(database, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentCallers_EachGetTheirOwnResult()
    {
        var database = await influx.NewDatabaseAsync("concurrent");
        await using var harness = await SinkHarness.StartAsync(influx.Url, database);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(user =>
            harness.Sink.WriteAsync(TestPoints.WeighIns(0, 300 + user, "u" + user), CancellationToken.None).AsTask()));

        Assert.Equal(Enumerable.Range(0, 8).Select(u => 300 + u), results.Select(r => r.Accepted));
        Assert.Equal(Enumerable.Range(0, 8).Sum(u => 300 + u), await influx.CountAsync(database, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
    }

    [Fact]
    public async Task DeleteAsync_RemovesOnlyThePointNamed()
    {
        var database = await influx.NewDatabaseAsync("delete");
        await using var harness = await SinkHarness.StartAsync(influx.Url, database);
        var points = TestPoints.WeighIns(0, 10);
        await harness.Sink.WriteAsync(points, CancellationToken.None);

        await harness.Sink.DeleteAsync(Normalization.PointDeletion.Of(points[3]), CancellationToken.None);

        Assert.Equal(9, await influx.CountAsync(database, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
        Assert.Equal(0, await influx.CountAsync(database, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg, $"time = '{points[3].Timestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}'"));
    }
}
