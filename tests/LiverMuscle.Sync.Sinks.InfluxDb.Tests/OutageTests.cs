using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.Testing;
using LiverMuscle.Sync.State;
using Xunit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>Stops a private InfluxDB for 30 s in the middle of 100,000 points: nothing lost, nothing twice.</summary>
public sealed class OutageTests : IAsyncLifetime
{
    private LocalInfluxDbServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalInfluxDbServer.StartNewAsync(null, CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task WriteAsync_InfluxDbDownForThirtySeconds_EveryPointArrivesExactlyOnce()
    {
        await using var harness = await SinkHarness.StartAsync(_server.Url, "outage");
        var spool = harness.Get<IWriteSpool>();
        var written = 0;
        var spooled = 0;
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < 100_000; i += 1_000)
            {
                var result = await harness.Sink.WriteAsync(TestPoints.WeighIns(i, 1_000), CancellationToken.None);
                Interlocked.Add(ref spooled, result.Spooled);
                Interlocked.Add(ref written, result.Accepted + result.Spooled);
                await Task.Delay(10);
            }
        });

        while (Volatile.Read(ref written) < 30_000)
        {
            await Task.Delay(50);
        }

        await _server.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(30));
        var spooledDuringOutage = await spool.CountAsync(CancellationToken.None);
        await _server.StartAsync(CancellationToken.None);
        await producer.WaitAsync(TimeSpan.FromMinutes(2));
        while (await spool.CountAsync(CancellationToken.None) > 0)
        {
            await Task.Delay(100);
        }

        Assert.True(spooledDuringOutage > 0, "batches should have been spooled while InfluxDB was down");
        Assert.True(spooled > 0);
        Assert.Equal(100_000, written);
        await using var check = new InfluxDbCounter(_server.Url);
        Assert.Equal(100_000, await check.CountAsync("outage", Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
    }
}
