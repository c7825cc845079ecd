using LiverMuscle.Sync.Markers.Import;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Writing;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Markers.Tests;

/// <summary>FIB-4 is never computed from an InfluxDB that lacks the lab values still waiting in the write spool.</summary>
[Collection(InfluxCollection.Name)]
public sealed class DeferredFib4Tests(InfluxDbFixture influx)
{
    [Fact]
    public async Task Fib4_LabValuesKeptInTheSpool_IsDeferredAndComputedOnceTheyAreInInfluxDb()
    {
        var database = await influx.NewDatabaseAsync("fib4_deferred");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database);
        var spool = harness.Get<IWriteSpool>();
        var earlier = PointBuilder.For(Measurements.HealthMarker).Tag(TagNames.User, "alice").Tag(TagNames.Marker, "grip_strength").Tag(TagNames.Source, Sources.Manual)
            .Field(FieldNames.HealthMarker.Value, 30.0).Field(FieldNames.HealthMarker.Unit, "kg").At(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)).Build();
        await spool.EnqueueAsync("line-protocol", System.Text.Encoding.UTF8.GetBytes(Sinks.InfluxDb.LineProtocol.LineProtocolEncoder.Encode(earlier, Sinks.InfluxDb.LineProtocol.WritePrecision.Seconds)), CancellationToken.None);

        MarkerImportReport report;
        await using (var replaying = await spool.TryLeaseReplayAsync(CancellationToken.None))
        {
            // Another process is replaying that earlier batch: these values queue behind it.
            Assert.NotNull(replaying);
            report = await harness.Get<MarkerRecorder>().StoreAsync("alice", new MarkerReadResult(
                [Fib4Tests.Input("ast", 36, "2026-10-02"), Fib4Tests.Input("alt", 41, "2026-10-02"), Fib4Tests.Input("platelets", 210, "2026-10-03")], []), CancellationToken.None);
        }

        Assert.Equal(3, report.Stored);
        Assert.Equal(0, await influx.CountAsync(database, "health_marker", "value", "\"marker\" = 'fib4'"));
        Assert.DoesNotContain(await spool.PeekAsync(100, CancellationToken.None), e => System.Text.Encoding.UTF8.GetString(e.Payload).Contains("marker=fib4", StringComparison.Ordinal));
        var waiting = Assert.Single(await harness.Get<IDeferredCompletionStore>().ListAsync(CancellationToken.None));
        Assert.Equal(("alice", "markers"), (waiting.UserId, waiting.Provider));

        Assert.Equal(0, await harness.Get<SpoolingBatchSender>().ReplayAsync(CancellationToken.None));
        foreach (var handler in harness.Get<IEnumerable<ISyncCompletedHandler>>())
        {
            await handler.OnSyncCompletedAsync(waiting, CancellationToken.None);
        }

        var value = await influx.ScalarAsync("SELECT \"value\" FROM \"health_marker\" WHERE \"marker\" = 'fib4' AND \"source\" = 'computed'", database);
        Assert.Equal(1.4993, value!.Value.GetDouble(), 4);
    }
}
