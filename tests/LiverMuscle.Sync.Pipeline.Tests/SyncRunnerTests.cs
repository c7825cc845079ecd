using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using LiverMuscle.Sync.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace LiverMuscle.Sync.Pipeline.Tests;

public sealed class SyncRunnerTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_SinkFailsOnSecondBatch_CursorStaysAtTheLastDurableBatch()
    {
        var source = new ScriptedSource("withings", "body_composition", _ => [Batch(0, "c1"), Batch(10, "c2"), Batch(20, "c3")]);
        var sink = new RecordingSink { FailOnWrite = 2 };
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(source).AddSingleton<IPointSink>(sink).AddSingleton<ISyncCompletedHandler, NullHandler>());

        var summary = await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        Assert.Equal("c1", (await harness.Get<ISyncCursorStore>().GetAsync("alice", "withings", "body_composition", CancellationToken.None))!.Value);
        Assert.Equal(SyncOutcome.Partial, summary.Outcome);
        Assert.Contains("disk full", summary.Error, StringComparison.Ordinal);
        Assert.Equal(10, sink.Points.Count(p => p.Measurement == Measurements.BodyComposition));
    }

    [Fact]
    public async Task Run_IntoRealInfluxDb_WritesPointsSavesCursorReportsSkippedRecordsAndRecordsTheRun()
    {
        var database = await influx.NewDatabaseAsync("runner");
        var handler = new NullHandler();
        var source = new ScriptedSource("withings", "body_composition", request => request.Cursor is null
            ? [Batch(0, "c1") with { Errors = [new RecordError("grp-77", "unit missing")] }, Batch(10, "c2")]
            : [Batch(20, "c3")]);
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(source).AddSingleton<ISyncCompletedHandler>(handler), influx.Url, database);
        var runner = harness.Get<SyncRunner>();

        var first = await runner.RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);
        var second = await runner.RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        Assert.Equal((SyncOutcome.Partial, 20, 2, 1), (first.Outcome, first.Records, first.Requests, first.Rejected));
        Assert.Equal((SyncOutcome.Ok, 10), (second.Outcome, second.Records));
        Assert.Equal([null, "c2"], source.Requests.Select(r => r.Cursor));
        Assert.Equal(30, await influx.CountAsync(database, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
        Assert.Equal(2, await influx.CountAsync(database, Measurements.SyncRun, FieldNames.SyncRun.Records, "\"user\" = 'alice'"));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Message.Contains("grp-77", StringComparison.Ordinal) && r.Message.Contains("unit missing", StringComparison.Ordinal));
        Assert.Equal(SyncOutcome.Ok, (await harness.Get<ISyncRunLog>().ListLatestAsync("alice", CancellationToken.None)).Single().Outcome);
        Assert.Equal((Day, Day.AddMinutes(19)), (handler.Completed[0].EarliestPoint, handler.Completed[0].LatestPoint));
        Assert.Equal((Day.AddMinutes(20), Day.AddMinutes(29)), (handler.Completed[1].EarliestPoint, handler.Completed[1].LatestPoint));
    }

    [Fact]
    public async Task Run_InfluxDbDropsPointsBeyondItsRetentionPolicyWithoutNamingThem_IsPartialAndCountsThemRejected()
    {
        var database = await influx.NewDatabaseAsync("runner_rp");
        await influx.ExecuteAsync($"CREATE RETENTION POLICY \"hour\" ON \"{database}\" DURATION 1h REPLICATION 1 DEFAULT", null);
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var points = Enumerable.Range(0, 10).Select(i => WeighIn(now.AddMinutes(-20 - i).AddDays(i < 3 ? -2 : 0))).ToList();
        var source = new ScriptedSource("withings", "body_composition", _ => [new SyncBatch(points, [], [], "c1")]);
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(source), influx.Url, database);

        var summary = await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        Assert.Equal((SyncOutcome.Partial, 7, 3, 0), (summary.Outcome, summary.Records, summary.Rejected, summary.SpooledBatches));
        Assert.Contains("3 records skipped or rejected", summary.Error, StringComparison.Ordinal);
        Assert.Equal(SyncOutcome.Partial, (await harness.Get<ISyncRunLog>().ListLatestAsync("alice", CancellationToken.None)).Single().Outcome);
        Assert.Equal(7, await influx.CountAsync(database, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
    }

    [Fact]
    public async Task Run_PointsWaitingInTheSpool_IsPartialAndDefersTheHandlersUntilTheSpoolIsEmpty()
    {
        var source = new ScriptedSource("withings", "body_composition", _ => [Batch(0, "c1"), Batch(10, "c2")]);
        var sink = new RecordingSink { Spool = true };
        var handler = new NullHandler();
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(source).AddSingleton<IPointSink>(sink).AddSingleton<ISyncCompletedHandler>(handler));
        harness.SinkStatus.SpooledBatches = 3;

        var summary = await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        Assert.Equal((SyncOutcome.Partial, 20, 3), (summary.Outcome, summary.Records, summary.SpooledBatches));
        Assert.Contains("3 batches spooled, waiting for InfluxDB", summary.Error, StringComparison.Ordinal);
        Assert.Equal("c2", (await harness.Get<ISyncCursorStore>().GetAsync("alice", "withings", "body_composition", CancellationToken.None))!.Value);
        Assert.Empty(handler.Completed);
        var waiting = Assert.Single(await harness.Get<IDeferredCompletionStore>().ListAsync(CancellationToken.None));

        harness.SinkStatus.SpooledBatches = 0;
        await harness.Get<DeferredCompletions>().OnWritesDurableAsync(CancellationToken.None);

        Assert.Equal(new SyncCompleted("alice", "withings", 20, Day, Day.AddMinutes(19)), Assert.Single(handler.Completed));
        Assert.Equal(waiting, handler.Completed[0]);
        Assert.Empty(await harness.Get<IDeferredCompletionStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Run_AHandlerFails_TheSpanIsKeptAndCompletedByALaterRun()
    {
        var source = new ScriptedSource("withings", "body_composition", request => request.Cursor is null ? [Batch(0, "c1")] : [Batch(20, "c2")]);
        var failing = new NullHandler { FailuresLeft = 1 };
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(source).AddSingleton<IPointSink>(new RecordingSink()).AddSingleton<ISyncCompletedHandler>(failing));
        var runner = harness.Get<SyncRunner>();

        await runner.RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);
        Assert.Single(await harness.Get<IDeferredCompletionStore>().ListAsync(CancellationToken.None));
        await runner.RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        Assert.Equal([(Day, Day.AddMinutes(9)), (Day.AddMinutes(20), Day.AddMinutes(29))], failing.Completed.Select(c => (c.EarliestPoint!.Value, c.LatestPoint!.Value)));
        Assert.Empty(await harness.Get<IDeferredCompletionStore>().ListAsync(CancellationToken.None));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Message.Contains("runs again for the same span later", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_EveryRecordSkipped_IsFailed()
    {
        var source = new ScriptedSource("withings", "body_composition", _ => [new SyncBatch([], [], [new RecordError("grp-1", "unit missing"), new RecordError("grp-2", "unit missing")], "c1")]);
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(source).AddSingleton<IPointSink>(new RecordingSink()));

        var summary = await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Backfill, Day.AddDays(-30)), "withings", null, CancellationToken.None);

        Assert.Equal((SyncOutcome.Failed, 0, 2), (summary.Outcome, summary.Records, summary.Rejected));
        Assert.Contains("2 records skipped or rejected", summary.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Targeted_DoesNotMoveTheIncrementalCursor()
    {
        var source = new ScriptedSource("withings", "body_composition", _ => [Batch(0, "old")]);
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(source).AddSingleton<IPointSink>(new RecordingSink()));
        await harness.Get<ISyncCursorStore>().SetAsync(new SyncCursor("alice", "withings", "body_composition", "newer", harness.Time.GetUtcNow()), CancellationToken.None);

        await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Targeted, Day, Day.AddDays(1)), "withings", null, CancellationToken.None);

        Assert.Equal("newer", (await harness.Get<ISyncCursorStore>().GetAsync("alice", "withings", "body_composition", CancellationToken.None))!.Value);
        Assert.Equal(SyncMode.Targeted, source.Requests.Single().Mode);
    }

    [Fact]
    public async Task Run_NamedDataKind_RunsOnlyThatSource()
    {
        var body = new ScriptedSource("withings", "body_composition", _ => [Batch(0, "b")]);
        var workouts = new ScriptedSource("withings", "workouts", _ => [Batch(10, "w")]);
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(body).AddSingleton<ISyncSource>(workouts).AddSingleton<IPointSink>(new RecordingSink()));

        var summary = await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Targeted, Day, Day.AddHours(1), new HashSet<string> { "workouts" }), "withings", null, CancellationToken.None);

        Assert.Empty(body.Requests);
        Assert.Single(workouts.Requests);
        Assert.Equal((SyncOutcome.Ok, 10, 1), (summary.Outcome, summary.Records, summary.Requests));
    }

    [Fact]
    public async Task Run_AppliesABatchsDeletionsBeforeItsPoints()
    {
        var batch = Batch(0, "c1") with { Deletions = [new PointDeletion(Measurements.BodyComposition, new Dictionary<string, string> { [TagNames.User] = "alice" }, Day, Day)] };
        var sink = new RecordingSink();
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(new ScriptedSource("withings", "body_composition", _ => [batch])).AddSingleton<IPointSink>(sink));

        await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        Assert.Equal([$"delete {Day:O}", "write 10"], sink.Operations.Take(2));
    }

    [Fact]
    public async Task Run_SourceFailsAfterSendingRequests_TheRunRecordsEveryOne()
    {
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(new FailingSource("withings", "body_composition", 7)).AddSingleton<IPointSink>(new RecordingSink()));

        var summary = await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        Assert.Equal((SyncOutcome.Failed, 7), (summary.Outcome, summary.Requests));
        Assert.Contains("502 Bad Gateway", summary.Error, StringComparison.Ordinal);
        Assert.Equal(7, (await harness.Get<ISyncRunLog>().ListLatestAsync("alice", CancellationToken.None)).Single().Requests);
    }

    [Fact]
    public async Task Run_TheSameUnreadableRecordInTwoBatches_IsSkippedOnce()
    {
        var unreadable = new RecordError("grp-9", "no value");
        var source = new ScriptedSource("withings", "body_composition", _ => [Batch(0, "c1") with { Errors = [unreadable] }, Batch(10, "c2") with { Errors = [unreadable] }]);
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(source).AddSingleton<IPointSink>(new RecordingSink()));

        var summary = await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        Assert.Equal((SyncOutcome.Partial, 1), (summary.Outcome, summary.Rejected));
        Assert.Single(harness.Logs.GetSnapshot(), r => r.Message.Contains("grp-9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_RecordsWrittenMetric_CountsEachBatchAsItLands()
    {
        var source = new ScriptedSource("withings", "body_composition", _ => [Batch(0, "c1"), Batch(10, "c2"), Batch(20, "c3")]);
        var seen = new List<long>();
        MetricCollector<long>? collector = null;
        var sink = new RecordingSink { OnWrite = () => seen.Add(collector!.GetMeasurementSnapshot().EvaluateAsCounter()) };
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(source).AddSingleton<IPointSink>(sink));
        using var written = collector = new MetricCollector<long>(harness.Get<SyncMetrics>().Meter, "records.written");

        var summary = await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        // The run's own sync_run and sync_health write comes last, after the three batches.
        Assert.Equal([0, 10, 20, 30], seen);
        Assert.Equal(30, summary.Records);
        Assert.Equal(30, written.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    private static SyncBatch Batch(int from, string cursor) => new(
        Enumerable.Range(from, 10).Select(i => WeighIn(Day.AddMinutes(i), 80 + i / 10.0)).ToList(),
        [],
        [],
        cursor);

    private static Point WeighIn(DateTimeOffset time, double kg = 80) => PointBuilder.For(Measurements.BodyComposition)
        .Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Withings)
        .Field(FieldNames.BodyComposition.WeightKg, kg).At(time).Build();

    /// <summary>Records every completion it ran for; fails the first <see cref="FailuresLeft"/> times instead.</summary>
    private sealed class NullHandler : ISyncCompletedHandler
    {
        public List<SyncCompleted> Completed { get; } = [];

        public int FailuresLeft { get; set; }

        public Task OnSyncCompletedAsync(SyncCompleted completed, CancellationToken cancellationToken)
        {
            if (FailuresLeft-- > 0)
            {
                throw new InvalidOperationException("InfluxDB query failed");
            }

            Completed.Add(completed);
            return Task.CompletedTask;
        }
    }
}
