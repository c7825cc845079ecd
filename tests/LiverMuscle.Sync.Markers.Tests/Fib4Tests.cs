using LiverMuscle.Sync.Markers.Derived;
using LiverMuscle.Sync.Markers.Import;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Markers.Tests;

[Collection(InfluxCollection.Name)]
public sealed class Fib4Tests(InfluxDbFixture influx)
{
    [Fact]
    public async Task Fib4_FromStoredAstAltPlateletsWithinTheWindow_IsWrittenAsAComputedMarker()
    {
        var database = await influx.NewDatabaseAsync("fib4");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database);
        var recorder = harness.Get<MarkerRecorder>();

        // Labs of one draw, spread over two days; a second AST a year later has no ALT/platelets within 30 days.
        await recorder.StoreAsync("alice", new MarkerReadResult(
            [
                Input("ast", 36, "2026-10-02"),
                Input("alt", 41, "2026-10-02"),
                Input("platelets", 210, "2026-10-03"),
                Input("ast", 50, "2027-10-02"),
            ], []), CancellationToken.None);

        // Hand-computed: age 56 (born 1970-06-15), 56 × 36 / (210 × √41) = 2016 / 1344.656 = 1.4993.
        var value = await influx.ScalarAsync("SELECT \"value\" FROM \"health_marker\" WHERE \"marker\" = 'fib4' AND \"source\" = 'computed'", database);
        Assert.NotNull(value);
        Assert.Equal(1.4993, value.Value.GetDouble(), 4);
        Assert.Equal(1, await influx.CountAsync(database, "health_marker", "value", "\"marker\" = 'fib4'"));
        var time = await influx.ScalarAsync("SELECT \"unit\" FROM \"health_marker\" WHERE \"marker\" = 'fib4'", database);
        Assert.Equal("1", time!.Value.GetString());
    }

    [Fact]
    public async Task Fib4_WithoutABirthDate_IsNotComputed()
    {
        var database = await influx.NewDatabaseAsync("fib4");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database);
        await harness.Get<IUserStore>().UpsertAsync(new UserRecord("bob", "Europe/Berlin", DateTimeOffset.UnixEpoch), CancellationToken.None);

        await harness.Get<MarkerRecorder>().StoreAsync("bob", new MarkerReadResult(
            [Input("ast", 36, "2026-10-02"), Input("alt", 41, "2026-10-02"), Input("platelets", 210, "2026-10-02")], []), CancellationToken.None);

        Assert.Equal(3, await influx.CountAsync(database, "health_marker", "value"));
        Assert.Equal(0, await influx.CountAsync(database, "health_marker", "value", "\"marker\" = 'fib4'"));
    }

    [Theory]
    [InlineData(1.29, 50, Fib4Band.Low)]
    [InlineData(1.3, 50, Fib4Band.Indeterminate)]
    [InlineData(1.9, 50, Fib4Band.Indeterminate)]
    [InlineData(1.9, 70, Fib4Band.Low)]
    [InlineData(2.67, 70, Fib4Band.Indeterminate)]
    [InlineData(2.68, 40, Fib4Band.High)]
    public void Classify_UsesTheAgeDependentLowCutoff(double value, int age, Fib4Band expected) =>
        Assert.Equal(expected, Fib4.Classify(value, age));

    internal static MarkerInput Input(string marker, double value, string date) =>
        new("test", marker, value, "U/L".Replace("U/L", marker == "platelets" ? "10^9/L" : "U/L", StringComparison.Ordinal), MarkerTime.OfDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), "lab");
}
