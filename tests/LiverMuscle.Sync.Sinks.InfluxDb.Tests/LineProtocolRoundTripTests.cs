using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.LineProtocol;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>Hostile names and values go through the encoder into the real server and come back equal.</summary>
[Collection(InfluxCollection.Name)]
public sealed class LineProtocolRoundTripTests(InfluxDbFixture influx)
{
    public static TheoryData<string> HostileNames => new()
    {
        "plain",
        "with space",
        "with,comma",
        "with=equals",
        "with\"quote",
        "with'apostrophe",
        "mid\\backslash",
        "ünïcødé ✓ 🏋️",
        " leading and trailing ",
        "a,b=c d\"e",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task Encode_HostileNames_RoundTripThroughInfluxDb(string name)
    {
        var database = await influx.NewDatabaseAsync("lp");
        await using var harness = await SinkHarness.StartAsync(influx.Url, database);
        var text = "say \"hi\"\\ " + name;
        var point = TestPoints.Raw(
            "m " + name,
            new Dictionary<string, string> { ["tag " + name] = "value " + name },
            new Dictionary<string, FieldValue>
            {
                ["field " + name] = FieldValue.Float(1.25),
                ["text"] = FieldValue.String(text),
                ["count"] = FieldValue.Int(-42),
                ["flag"] = FieldValue.Bool(true),
            },
            TestPoints.Start);

        var result = await harness.Sink.WriteAsync([point], CancellationToken.None);

        Assert.Equal(1, result.Accepted);
        var series = Assert.Single((await harness.Query.QueryAsync($"SELECT * FROM {InfluxQl.Identifier("m " + name)}", CancellationToken.None)).Series);
        Assert.Equal("m " + name, series.Name);
        var row = series.Values.Single();
        Assert.Equal("value " + name, row[series.ColumnIndex("tag " + name)].GetString());
        Assert.Equal(1.25, row[series.ColumnIndex("field " + name)].GetDouble());
        Assert.Equal(text, row[series.ColumnIndex("text")].GetString());
        Assert.Equal(-42, row[series.ColumnIndex("count")].GetInt64());
        Assert.True(row[series.ColumnIndex("flag")].GetBoolean());
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-1234567.891)]
    [InlineData(1e-300)]
    [InlineData(1.7976931348623157e308)]
    [InlineData(123456789012345.0)]
    public async Task Encode_Floats_RoundTripExactly(double value)
    {
        var database = await influx.NewDatabaseAsync("float");
        await using var harness = await SinkHarness.StartAsync(influx.Url, database);
        var point = TestPoints.Raw("m", new Dictionary<string, string>(), new Dictionary<string, FieldValue> { ["v"] = FieldValue.Float(value) }, TestPoints.Start);

        await harness.Sink.WriteAsync([point], CancellationToken.None);

        var stored = (await harness.Query.QueryAsync("SELECT \"v\" FROM \"m\"", CancellationToken.None)).Series[0].Values[0][1].GetDouble();
        Assert.Equal(value, stored);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("ends with backslash\\")]
    [InlineData("backslash\\,comma")]
    public void Encode_NamesTheProtocolCannotCarry_AreRefusedWithReason(string name)
    {
        var point = TestPoints.Raw("m", new Dictionary<string, string> { ["t"] = name }, new Dictionary<string, FieldValue> { ["v"] = FieldValue.Float(1) }, TestPoints.Start);

        var encoded = LineProtocolEncoder.TryAppend(new System.Text.StringBuilder(), point, WritePrecision.Seconds, out var error);

        Assert.False(encoded);
        Assert.Contains("value of tag 't'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_StringFieldWithNewline_ReplacesItBySpace()
    {
        var point = TestPoints.Raw("m", new Dictionary<string, string>(), new Dictionary<string, FieldValue> { ["s"] = FieldValue.String("a\nb") }, DateTimeOffset.FromUnixTimeSeconds(5));

        Assert.Equal("m s=\"a b\" 5\n", LineProtocolEncoder.Encode(point, WritePrecision.Seconds));
    }

    [Fact]
    public void Encode_SortsTagsAndUsesPrecision()
    {
        var point = TestPoints.Raw(
            "m",
            new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" },
            new Dictionary<string, FieldValue> { ["i"] = FieldValue.Int(3), ["f"] = FieldValue.Float(2.5) },
            DateTimeOffset.FromUnixTimeMilliseconds(1_500));

        Assert.Equal("m,a=1,b=2 f=2.5,i=3i 1500\n", LineProtocolEncoder.Encode(point, WritePrecision.Milliseconds));
        Assert.Equal("m,a=1,b=2 f=2.5,i=3i 1500000000\n", LineProtocolEncoder.Encode(point, WritePrecision.Nanoseconds));
    }
}
