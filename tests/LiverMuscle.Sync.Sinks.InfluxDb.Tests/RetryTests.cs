using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

[Collection(InfluxCollection.Name)]
public sealed class RetryTests(InfluxDbFixture influx)
{
    [Fact]
    public async Task WriteAsync_503WithRetryAfter_WaitsAndRetriesUntilAccepted()
    {
        await using var server = new ScriptedInfluxServer();
        server.Then(503, "request throttled, queue full", retryAfter: "1");
        server.Then(429, "{\"error\":\"slow down\"}");
        await using var harness = await SinkHarness.StartAsync(server.Url, "db", new Dictionary<string, string?> { ["InfluxDb:MaxRetries"] = "3" });

        var result = await harness.Sink.WriteAsync(TestPoints.WeighIns(0, 10), CancellationToken.None);

        Assert.Equal(10, result.Accepted);
        Assert.Equal(3, server.Writes.Count);
        Assert.True(server.WriteTimes[1] - server.WriteTimes[0] >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 must be honoured");
    }

    [Fact]
    public async Task WriteAsync_400_IsNotRetriedAndNothingIsSpooled()
    {
        await using var server = new ScriptedInfluxServer();
        server.Then(400, "{\"error\":\"unable to parse 'x': missing fields\"}");
        var points = TestPoints.WeighIns(0, 3);
        await using var harness = await SinkHarness.StartAsync(server.Url, "db");

        var result = await harness.Sink.WriteAsync(points, CancellationToken.None);

        Assert.Single(server.Writes);
        Assert.Equal(0, result.Spooled);
        Assert.Equal(0, result.Accepted);
        Assert.Equal(points, result.Rejected.Select(r => r.Point));
        Assert.All(result.Rejected, r => Assert.Contains("missing fields", r.Reason, StringComparison.Ordinal));
        Assert.Equal(0, await harness.Get<IWriteSpool>().CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ServerKeepsFailing_BatchIsSpooledNotDropped()
    {
        await using var server = new ScriptedInfluxServer();
        for (var i = 0; i < 3; i++)
        {
            server.Then(500, "{\"error\":\"engine: cache maximum memory size exceeded\"}");
        }

        await using var harness = await SinkHarness.StartAsync(server.Url, "db", new Dictionary<string, string?> { ["InfluxDb:ReplayInterval"] = "00:10:00" });

        var result = await harness.Sink.WriteAsync(TestPoints.WeighIns(0, 5), CancellationToken.None);

        Assert.Equal(5, result.Spooled);
        Assert.Equal(3, server.Writes.Count);
        var entry = Assert.Single(await harness.Get<IWriteSpool>().PeekAsync(10, CancellationToken.None));
        Assert.Equal(5, System.Text.Encoding.UTF8.GetString(entry.Payload).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task QueryAsync_StatementErrorInside200_Throws()
    {
        await using var harness = await SinkHarness.StartAsync(influx.Url, "no_such_db");

        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => harness.Query.QueryAsync("SELECT * FROM \"m\"", CancellationToken.None));

        Assert.Contains("database not found: no_such_db", error.Reason, StringComparison.Ordinal);
        Assert.Contains("SELECT * FROM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_DatabaseMissing_IsCreated()
    {
        await using var harness = await SinkHarness.StartAsync(influx.Url, "created_" + Guid.NewGuid().ToString("N")[..8]);

        var result = await harness.Sink.WriteAsync(TestPoints.WeighIns(0, 2), CancellationToken.None);

        Assert.Equal(2, result.Accepted);
        Assert.NotNull(await harness.Query.PingAsync(CancellationToken.None));
    }
}
