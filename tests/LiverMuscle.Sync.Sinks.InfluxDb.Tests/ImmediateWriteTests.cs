using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>A write a caller awaits is sent as soon as the writer is free; no timer runs on the way.</summary>
public sealed class ImmediateWriteTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task WriteAsync_ALoneCaller_IsSentAndCompletesWithoutTheClockMoving()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var started = time.GetUtcNow();
        await using var server = new ScriptedInfluxServer();
        await using var harness = await SinkHarness.StartAsync(server.Url, "db", time: time);

        var result = await harness.Sink.WriteAsync(TestPoints.WeighIns(0, 3), CancellationToken.None).AsTask().WaitAsync(Bound);

        Assert.Equal(3, result.Accepted);
        Assert.Single(server.Writes);
        Assert.Equal(started, time.GetUtcNow());
    }

    [Fact]
    public async Task WriteAsync_WritersArrivingWhileABatchIsInFlight_AreMergedIntoTheNextRequest()
    {
        var time = new FakeTimeProvider();
        await using var server = new ScriptedInfluxServer { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var harness = await SinkHarness.StartAsync(server.Url, "db", time: time);
        var first = harness.Sink.WriteAsync(TestPoints.WeighIns(0, 10), CancellationToken.None).AsTask();
        await Eventually.TrueAsync(() => server.Writes.Count == 1, Bound);

        var later = Enumerable.Range(1, 5).Select(i => harness.Sink.WriteAsync(TestPoints.WeighIns(i * 10, 10), CancellationToken.None).AsTask()).ToList();
        server.Hold.SetResult();
        var results = await Task.WhenAll(later.Prepend(first)).WaitAsync(Bound);

        Assert.All(results, r => Assert.Equal(10, r.Accepted));
        Assert.Equal([10, 50], server.Writes.Select(w => w.Count(c => c == '\n')));
    }
}
