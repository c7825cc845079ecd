using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Records;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames.BodyComposition;

namespace LiverMuscle.Sync.Pipeline.Tests;

[Trait("Category", "Unit")]
public sealed class RunRecordsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RecordServedAgainAsItStands_IsNeitherWrittenNorCountedAgain()
    {
        var run = new RunRecords();
        Assert.Equal(2, Write(run, Batch(("g1", WeighIn(Noon, 80.5)), ("g2", WeighIn(Noon.AddHours(1), 81.0)))).Counted);

        var (points, counted) = Write(run, Batch(("g1", WeighIn(Noon, 80.5)), ("g3", WeighIn(Noon.AddHours(2), 79.9))));

        Assert.Equal(Noon.AddHours(2), Assert.Single(points).Timestamp);
        Assert.Equal(1, counted);
    }

    [Fact]
    public void RecordServedTwiceInOneBatch_IsWrittenOnce()
    {
        var (points, counted) = Write(new RunRecords(), Batch(("g1", WeighIn(Noon, 80.5)), ("g1", WeighIn(Noon, 80.5))));

        Assert.Single(points);
        Assert.Equal(1, counted);
    }

    [Fact]
    public void RecordEditedBetweenReads_IsWrittenAgainButCountedOnce()
    {
        var run = new RunRecords();
        Write(run, Batch(("g1", WeighIn(Noon, 80.5))));

        var (points, counted) = Write(run, Batch(("g1", WeighIn(Noon, 80.9))));

        Assert.Equal(80.9, Assert.Single(points).Fields[F.WeightKg].AsDouble());
        Assert.Equal(0, counted);
    }

    [Fact]
    public void RecordWhosePointADeletionRemoved_IsWrittenAgainButCountedOnce()
    {
        var run = new RunRecords();
        Write(run, Batch(("g1", WeighIn(Noon, 80.5)), ("g2", WeighIn(Noon.AddHours(1), 81.0))));

        // Another record that stood at noon moved: its old point, and whatever else stood there, is deleted.
        run.Forget(new PointDeletion(Measurements.BodyComposition, new Dictionary<string, string> { [TagNames.User] = "alice", [TagNames.Source] = Sources.Withings }, Noon, Noon));
        var (points, counted) = Write(run, Batch(("g1", WeighIn(Noon, 80.5)), ("g2", WeighIn(Noon.AddHours(1), 81.0))));

        Assert.Equal(Noon, Assert.Single(points).Timestamp);
        Assert.Equal(0, counted);
    }

    [Fact]
    public void RecordTheSinkRefused_IsWrittenAgainWhenServedAgain()
    {
        var run = new RunRecords();
        var batch = Batch(("g1", WeighIn(Noon, 80.5)));
        var refused = run.ToWrite(batch);
        Assert.Equal(0, run.Written(batch, refused, new SinkWriteResult(refused, [PointOutcome.Rejected("field type conflict")])));

        var (points, counted) = Write(run, Batch(("g1", WeighIn(Noon, 80.5))));

        Assert.Single(points);
        Assert.Equal(1, counted);
    }

    [Fact]
    public void PointsOfNoRecord_AreWrittenAndCountedEachTime()
    {
        var run = new RunRecords();
        var replacement = WeighIn(Noon, 70.0);

        Assert.Equal(1, Write(run, new SyncBatch([replacement], [], [], null)).Counted);
        var (points, counted) = Write(run, new SyncBatch([replacement], [], [], null));

        Assert.Single(points);
        Assert.Equal(1, counted);
    }

    private static (IReadOnlyList<Point> Points, int Counted) Write(RunRecords run, SyncBatch batch)
    {
        var points = run.ToWrite(batch);
        return (points, run.Written(batch, points, SinkWriteResult.AllAccepted(points)));
    }

    private static SyncBatch Batch(params (string Id, Point Point)[] records)
    {
        var served = records.Select(r => new SourceRecord(r.Id, r.Point)).ToList();
        return new SyncBatch([.. served.Select(r => r.Point)], [], [], null) { Records = served };
    }

    private static Point WeighIn(DateTimeOffset at, double weight) =>
        PointBuilder.For(Measurements.BodyComposition).Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Withings).At(at).Field(F.WeightKg, weight).Build();
}
