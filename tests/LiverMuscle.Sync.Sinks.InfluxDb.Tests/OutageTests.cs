using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>
/// Stops a private InfluxDB in the middle of 100,000 points while 20 batches are written, then starts it again:
/// nothing lost, nothing twice.
/// </summary>
public sealed class OutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private LocalInfluxDbServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalInfluxDbServer.StartNewAsync(null, CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task WriteAsync_InfluxDbDownWhileTwentyBatchesAreWritten_EveryPointArrivesExactlyOnce()
    {
        await using var harness = await SinkHarness.StartAsync(_server.Url, "outage");
        var spool = harness.Get<IWriteSpool>();
        var down = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reachedOutage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outageWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = 0;
        var spooled = 0;
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < 100_000; i += 1_000)
            {
                if (i == 30_000)
                {
                    reachedOutage.SetResult();
                    await down.Task;
                }
                else if (i == 50_000)
                {
                    outageWritten.SetResult();
                    await up.Task;
                }

                var result = await harness.Sink.WriteAsync(TestPoints.WeighIns(i, 1_000), CancellationToken.None);
                spooled += result.Spooled;
                written += result.Accepted + result.Spooled;
            }
        });

        await reachedOutage.Task.WaitAsync(Bound);
        await _server.StopAsync();
        down.SetResult();
        await outageWritten.Task.WaitAsync(Bound);
        var spooledDuringOutage = await spool.CountAsync(CancellationToken.None);
        var duringOutage = await harness.Get<Normalization.ISinkStatus>().GetAsync(CancellationToken.None);
        await _server.StartAsync(CancellationToken.None);
        up.SetResult();
        await producer.WaitAsync(Bound);
        await Eventually.TrueAsync(async () => await spool.CountAsync(CancellationToken.None) == 0, Bound, "the spool replayed");

        Assert.Equal(20, spooledDuringOutage);
        Assert.Equal(20, duringOutage.SpooledBatches);
        Assert.InRange(duringOutage.SpooledBytes, 20 * 1_000 * 40, 20 * 1_000 * 200);
        Assert.True(duringOutage.LastSuccessfulWriteAt <= duringOutage.OldestSpooledAt, "the last successful write precedes the outage");
        Assert.True(duringOutage.OldestSpooledAge(DateTimeOffset.UtcNow) > TimeSpan.Zero);
        Assert.True(spooled >= 20_000, $"{spooled} points spooled");
        Assert.Equal(100_000, written);
        await using var check = new InfluxDbCounter(_server.Url);
        Assert.Equal(100_000, await check.CountAsync("outage", Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
    }
}
