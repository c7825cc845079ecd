using System.Text;
using Xunit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>What a 1.x server cannot show: 2.x/3.x authentication and error shapes, and a body-size limit.</summary>
public sealed class CompatibilityTests
{
    [Theory]
    [InlineData("V2Compat")]
    [InlineData("V3Compat")]
    public async Task Write_CompatibilityApi_SendsTheTokenAndCreatesNoDatabase(string flavor)
    {
        await using var server = new ScriptedInfluxServer();
        await using var harness = await SinkHarness.StartAsync(server.Url, "bucket", new Dictionary<string, string?>
        {
            ["InfluxDb:ApiFlavor"] = flavor,
            ["InfluxDb:Token"] = "tok-123",
        });

        var result = await harness.Sink.WriteAsync(TestPoints.WeighIns(0, 3), CancellationToken.None);

        Assert.Equal(3, result.Accepted);
        Assert.NotEmpty(server.Authorizations);
        Assert.All(server.Authorizations, header => Assert.Equal("Token tok-123", header));
        Assert.Empty(server.Queries);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Message.Contains("tok-123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_V1WithCredentials_UsesBasicAuthenticationAndCreatesTheDatabase()
    {
        await using var server = new ScriptedInfluxServer();
        await using var harness = await SinkHarness.StartAsync(server.Url, "db", new Dictionary<string, string?>
        {
            ["InfluxDb:Username"] = "writer",
            ["InfluxDb:Password"] = "s3cret",
        });

        await harness.Sink.WriteAsync(TestPoints.WeighIns(0, 1), CancellationToken.None);

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("writer:s3cret"));
        Assert.NotEmpty(server.Authorizations);
        Assert.All(server.Authorizations, header => Assert.Equal(expected, header));
        Assert.NotEmpty(server.Queries);
    }

    [Fact]
    public async Task Write_BodyTooLarge_IsSplitUntilItFits()
    {
        await using var server = new ScriptedInfluxServer { MaxLines = 3 };
        await using var harness = await SinkHarness.StartAsync(server.Url, "db");

        var result = await harness.Sink.WriteAsync(TestPoints.WeighIns(0, 10), CancellationToken.None);

        Assert.Equal(10, result.Accepted);
        var stored = server.Writes.Where(w => w.Count(c => c == '\n') <= 3).SelectMany(w => w.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(10, stored.Distinct().Count());
        Assert.Equal(10, stored.Count);
    }

    [Fact]
    public async Task Write_V3PartialWrite_ReportsTheNumberedLinesAndDoesNotResendTheRest()
    {
        await using var server = new ScriptedInfluxServer();
        server.Then(400, """{"error":"partial write of line protocol occurred","data":[{"original_line":"x","line_number":2,"error_message":"invalid column type for column 'weight_kg'"}]}""");
        await using var harness = await SinkHarness.StartAsync(server.Url, "db", new Dictionary<string, string?>
        {
            ["InfluxDb:ApiFlavor"] = "V3Compat",
            ["InfluxDb:Token"] = "t",
        });
        var points = TestPoints.WeighIns(0, 5);

        var result = await harness.Sink.WriteAsync(points, CancellationToken.None);

        Assert.Equal(4, result.Accepted);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((1, points[1], true), (rejected.Index, rejected.Point, rejected.Attributed));
        Assert.Contains("invalid column type", rejected.Reason, StringComparison.Ordinal);
        Assert.Single(server.Writes);
    }

    [Fact]
    public async Task Write_V2RefusesTheBatchNamingItsFirstMalformedLine_RejectsThatLineAndWritesTheRest()
    {
        await using var server = new ScriptedInfluxServer();
        server.Then(400, """{"code":"invalid","message":"unable to parse 'body_composition weight_kg=': missing field value","line":3}""");
        await using var harness = await SinkHarness.StartAsync(server.Url, "bucket", new Dictionary<string, string?>
        {
            ["InfluxDb:ApiFlavor"] = "V2Compat",
            ["InfluxDb:Token"] = "t",
        });
        var points = TestPoints.WeighIns(0, 5);

        var result = await harness.Sink.WriteAsync(points, CancellationToken.None);

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((2, points[2]), (rejected.Index, rejected.Point));
        Assert.Contains("missing field value", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(4, result.Accepted);
        Assert.Equal([5, 4], server.Writes.Select(w => w.Count(c => c == '\n')));
        Assert.Equal(4, server.Stored.Count);
    }
}
