using System.Runtime.CompilerServices;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Records;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.Pipeline.Tests;

/// <summary>The data kinds of one run read side by side, each one batch ahead of its writes, against a real InfluxDB.</summary>
public sealed class ConcurrentKindsTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Run_KindsReadAtOnce_EachRecordWrittenAndCountedOnce_CursorsAtTheirLastBatch()
    {
        var database = await influx.NewDatabaseAsync("kinds");
        var meeting = new KindsMeeting(2);

        // Each kind serves its records twice (a change feed, then the window re-read) and waits for the other to be
        // reading before it serves anything: run one after the other, the first would wait in vain.
        var body = new MeetingSource("body_composition", meeting, [Batch("b", 0, 10, "b1"), Batch("b", 5, 10, "b2"), Batch("b", 0, 15, "b3")]);
        var workouts = new MeetingSource("workouts", meeting, [Batch("w", 100, 8, "w1"), Batch("w", 100, 8, "w2")]);
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(body).AddSingleton<ISyncSource>(workouts), influx.Url, database);

        var summary = await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        Assert.True(meeting.Met, "the two kinds never read at the same time");
        Assert.Equal((SyncOutcome.Ok, 15 + 8, 5), (summary.Outcome, summary.Records, summary.Requests));
        Assert.Equal(15 + 8, await influx.CountAsync(database, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
        Assert.Equal(15 + 8, await influx.ScalarAsync($"SELECT sum(\"records\") FROM \"{Measurements.SyncRun}\"", database) is { } sum ? sum.GetInt64() : -1);
        var cursors = harness.Get<ISyncCursorStore>();
        Assert.Equal("b3", (await cursors.GetAsync("alice", "withings", "body_composition", CancellationToken.None))!.Value);
        Assert.Equal("w2", (await cursors.GetAsync("alice", "withings", "workouts", CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Run_NextBatchIsReadWhileTheCurrentIsWritten_CursorAndLedgerSaveWaitForTheWrite()
    {
        var sink = new HeldSink();
        var saved = new List<string>();
        var source = new ReadLoggingSource("body_composition", [Batch("b", 0, 10, "c1") with { OnDurable = _ => Save(saved, "ledger 1") }, Batch("b", 10, 10, "c2") with { OnDurable = _ => Save(saved, "ledger 2") }]);
        await using var harness = new FrameworkHarness(s => s.AddSingleton<ISyncSource>(source).AddSingleton<IPointSink>(sink));
        var cursors = harness.Get<ISyncCursorStore>();

        var run = harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        // The first write is held: the second batch is read meanwhile, and nothing of the first is saved yet.
        await sink.FirstWriteArrived.Task.WaitAsync(Bound);
        await source.Served(2).WaitAsync(Bound);
        Assert.Null(await cursors.GetAsync("alice", "withings", "body_composition", CancellationToken.None));
        Assert.Empty(saved);
        sink.Release.SetResult();
        var summary = await run;

        Assert.Equal((SyncOutcome.Ok, 20), (summary.Outcome, summary.Records));
        Assert.Equal(["write 10", "write 10"], sink.Writes.Take(2));
        Assert.Equal(["ledger 1", "ledger 2"], saved);
        Assert.Equal("c2", (await cursors.GetAsync("alice", "withings", "body_composition", CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Run_OneKindFails_TheOtherSyncsAndTheRunIsPartialAsBefore()
    {
        var database = await influx.NewDatabaseAsync("kinds_fail");
        var body = new ScriptedSource("withings", "body_composition", _ => [Batch("b", 0, 10, "b1"), Batch("b", 10, 10, "b2")]);
        await using var harness = new FrameworkHarness(
            s => s.AddSingleton<ISyncSource>(new FailingSource("withings", "workouts", 3)).AddSingleton<ISyncSource>(body),
            influx.Url,
            database);

        var summary = await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        Assert.Equal((SyncOutcome.Partial, 20, 5), (summary.Outcome, summary.Records, summary.Requests));
        Assert.Equal("workouts: 502 Bad Gateway", summary.Error);
        Assert.Equal(20, await influx.CountAsync(database, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
        Assert.Equal("b2", (await harness.Get<ISyncCursorStore>().GetAsync("alice", "withings", "body_composition", CancellationToken.None))!.Value);
        Assert.Null(await harness.Get<ISyncCursorStore>().GetAsync("alice", "withings", "workouts", CancellationToken.None));
    }

    [Fact]
    public async Task Run_EveryKindFails_IsFailedWithEachKindsErrorInOrder()
    {
        await using var harness = new FrameworkHarness(s => s
            .AddSingleton<ISyncSource>(new FailingSource("withings", "body_composition", 2))
            .AddSingleton<ISyncSource>(new FailingSource("withings", "workouts", 4))
            .AddSingleton<IPointSink>(new RecordingSink()));

        var summary = await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None);

        Assert.Equal((SyncOutcome.Failed, 0, 6), (summary.Outcome, summary.Records, summary.Requests));
        Assert.Equal("body_composition: 502 Bad Gateway; workouts: 502 Bad Gateway", summary.Error);
    }

    [Fact]
    public async Task Run_OneKindNeedsReauthorisation_StopsTheOthersAndFailsWithThatMessageOnce()
    {
        var meeting = new KindsMeeting(2);
        var endless = new MeetingSource("body_composition", meeting, [.. Enumerable.Range(0, 1000).Select(i => Batch("b", i, 1, $"b{i}"))]);
        await using var harness = new FrameworkHarness(s => s
            .AddSingleton<ISyncSource>(endless)
            .AddSingleton<ISyncSource>(new ReauthorizingSource("workouts", meeting))
            .AddSingleton<IPointSink>(new RecordingSink()));

        var summary = await harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(SyncOutcome.Failed, summary.Outcome);
        Assert.Equal(ReauthorizingSource.Message, summary.Error);
        Assert.True(summary.Records < 1000);
    }

    [Fact]
    public async Task Run_CancelledWhileABatchIsWritten_CursorsStayAtTheAcceptedBatches()
    {
        var database = await influx.NewDatabaseAsync("kinds_cancel");
        using var stop = new CancellationTokenSource();
        var body = new ScriptedSource("withings", "body_composition", _ => [Batch("b", 0, 10, "b1"), Batch("b", 10, 10, "b2"), Batch("b", 20, 10, "b3")]);
        var workouts = new ScriptedSource("withings", "workouts", _ => [Batch("w", 100, 5, "w1")]);

        // One process's real sink behind another's runner over the same state file: the write of the second body
        // batch cancels the run instead of landing.
        await using var influxSide = new FrameworkHarness(_ => { }, influx.Url, database);
        var cancelling = new CancellingSink(influxSide.Get<IPointSink>(), stop, points => points.Any(p => p.Timestamp == Day.AddMinutes(10)));
        await using var harness = new FrameworkHarness(
            s => s.AddSingleton<ISyncSource>(body).AddSingleton<ISyncSource>(workouts).AddSingleton<IPointSink>(cancelling),
            influx.Url,
            database,
            influxSide.StateDirectory);
        var cursors = harness.Get<ISyncCursorStore>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Get<SyncRunner>().RunAsync(new SyncRequest("alice", null, SyncMode.Incremental), "withings", null, stop.Token));

        Assert.Equal("b1", (await cursors.GetAsync("alice", "withings", "body_composition", CancellationToken.None))!.Value);
        Assert.Equal(10, await CountAsync(database, 0, 30));
        // The workouts' one batch may land or not before the cancellation; its cursor is never ahead of what landed.
        var workoutCursor = await cursors.GetAsync("alice", "withings", "workouts", CancellationToken.None);
        Assert.True(workoutCursor is null or { Value: "w1" });
        if (workoutCursor is not null)
        {
            Assert.Equal(5, await CountAsync(database, 100, 105));
        }
    }

    private Task<long> CountAsync(string database, int fromMinute, int toMinute) => influx.CountAsync(
        database,
        Measurements.BodyComposition,
        FieldNames.BodyComposition.WeightKg,
        $"time >= '{Day.AddMinutes(fromMinute):yyyy-MM-ddTHH:mm:ssZ}' AND time < '{Day.AddMinutes(toMinute):yyyy-MM-ddTHH:mm:ssZ}'");

    private static Task Save(List<string> saved, string what)
    {
        lock (saved)
        {
            saved.Add(what);
        }

        return Task.CompletedTask;
    }

    /// <summary>Records <c>{prefix}{from}</c>..: minute <c>from</c> onwards, one weigh-in each.</summary>
    private static SyncBatch Batch(string prefix, int from, int count, string cursor)
    {
        var records = Enumerable.Range(from, count).Select(i => new SourceRecord($"{prefix}{i}", WeighIn(Day.AddMinutes(i), 80 + i / 100.0))).ToList();
        return new SyncBatch(records.Select(r => r.Point).ToList(), [], [], cursor) { Records = records };
    }

    private static Point WeighIn(DateTimeOffset time, double kg) => PointBuilder.For(Measurements.BodyComposition)
        .Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Withings)
        .Field(FieldNames.BodyComposition.WeightKg, kg).At(time).Build();

    /// <summary>Completes once <c>kinds</c> sources are reading at the same time.</summary>
    private sealed class KindsMeeting(int kinds)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public bool Met => _all.Task.IsCompletedSuccessfully;

        public Task ArriveAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _arrived) == kinds)
            {
                _all.SetResult();
            }

            return _all.Task.WaitAsync(Bound, cancellationToken);
        }
    }

    /// <summary>Meets the other kinds, then yields its batches, one request each.</summary>
    private sealed class MeetingSource(string dataKind, KindsMeeting meeting, IReadOnlyList<SyncBatch> batches) : ISyncSource
    {
        public string Provider => "withings";

        public string DataKind => dataKind;

        public async IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await meeting.ArriveAsync(cancellationToken);
            foreach (var batch in batches)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                request.Requests.Add();
                yield return batch;
            }
        }
    }

    /// <summary>Meets the other kinds, then finds the connection needs re-authorisation.</summary>
    private sealed class ReauthorizingSource(string dataKind, KindsMeeting meeting) : ISyncSource
    {
        public const string Message = "User 'alice' must authorise withings again: the refresh token was revoked";

        public string Provider => "withings";

        public string DataKind => dataKind;

        public async IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await meeting.ArriveAsync(cancellationToken);
            request.Requests.Add();
            throw new Providers.Tokens.ReauthorizationRequiredException("alice", "withings", "the refresh token was revoked");
#pragma warning disable CS0162 // an iterator needs a yield
            yield break;
#pragma warning restore CS0162
        }
    }

    /// <summary>Yields its batches and says how many it was asked for.</summary>
    private sealed class ReadLoggingSource(string dataKind, IReadOnlyList<SyncBatch> batches) : ISyncSource
    {
        private readonly TaskCompletionSource[] _served = [.. batches.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];

        public string Provider => "withings";

        public string DataKind => dataKind;

        public Task Served(int count) => _served[count - 1].Task;

        public async IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < batches.Count; i++)
            {
                await Task.Yield();
                request.Requests.Add();
                _served[i].SetResult();
                yield return batches[i];
            }
        }
    }

    /// <summary>Holds the first write until released; takes every point.</summary>
    private sealed class HeldSink : IPointSink
    {
        public TaskCompletionSource FirstWriteArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Writes { get; } = [];

        public async ValueTask<SinkWriteResult> WriteAsync(IReadOnlyList<Point> points, CancellationToken cancellationToken)
        {
            FirstWriteArrived.TrySetResult();
            await Release.Task.WaitAsync(Bound, cancellationToken);
            lock (Writes)
            {
                Writes.Add($"write {points.Count}");
            }

            return SinkWriteResult.AllAccepted(points);
        }

        public ValueTask DeleteAsync(PointDeletion deletion, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    /// <summary>Passes writes to the real sink; the one <c>cancelOnWrite</c> picks cancels the run instead.</summary>
    private sealed class CancellingSink(IPointSink inner, CancellationTokenSource stop, Func<IReadOnlyList<Point>, bool> cancelOnWrite) : IPointSink
    {
        public async ValueTask<SinkWriteResult> WriteAsync(IReadOnlyList<Point> points, CancellationToken cancellationToken)
        {
            if (cancelOnWrite(points))
            {
                await stop.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return await inner.WriteAsync(points, cancellationToken);
        }

        public ValueTask DeleteAsync(PointDeletion deletion, CancellationToken cancellationToken) => inner.DeleteAsync(deletion, cancellationToken);
    }
}
