using LiverMuscle.Sync.Markers.Derived;
using LiverMuscle.Sync.Markers.Import;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Markers.Tests;

/// <summary>FIB-4 and the marker profile read the person's stored values first and the <c>Markers:Users</c> seed second.</summary>
[Collection(InfluxCollection.Name)]
public sealed class PersonProfileTests(InfluxDbFixture influx)
{
    [Fact]
    public async Task Fib4_UsesTheStoredBirthDate_OverTheConfiguredSeed()
    {
        var database = await influx.NewDatabaseAsync("profile");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database);
        // The seed says born 1970 (age 56 on the draw); the stored birth date makes the person 66.
        Assert.True((await harness.Get<PersonRegistry>().SetAsync("alice", new PersonChanges { BirthDate = "1960-06-15" }, CancellationToken.None)).Succeeded);

        var results = await StoreLabsAsync(harness, "alice");

        // 66 × 36 / (210 × √41) = 2376 / 1344.656 = 1.767.
        Assert.Equal(1.767, Assert.Single(results).Value, 3);
        Assert.Equal(1.767, (await influx.ScalarAsync("SELECT \"value\" FROM \"health_marker\" WHERE \"marker\" = 'fib4'", database))!.Value.GetDouble(), 3);
    }

    [Fact]
    public async Task Profile_FallsBackToTheSeed_ValueByValue_AndASeedAloneMakesAPersonKnown()
    {
        var database = await influx.NewDatabaseAsync("profile");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database, new Dictionary<string, string?>
        {
            ["Markers:Users:carol:BirthDate"] = "1955-01-01",
            ["Markers:Users:carol:HeightM"] = "1.60",
        });
        await harness.Get<PersonRegistry>().SetAsync("carol", new PersonChanges { HeightM = "1.62", Sex = "female" }, CancellationToken.None);

        var profile = await harness.Get<MarkerProfiles>().GetAsync("carol", CancellationToken.None);

        Assert.Equal((new DateOnly(1955, 1, 1), 1.62, "female"), (profile.BirthDate!.Value, profile.HeightM!.Value, profile.Sex!));
        Assert.Single(await StoreLabsAsync(harness, "carol"));
    }

    [Fact]
    public async Task Markers_ForAPersonNobodyAdded_AreRefusedWhole()
    {
        var database = await influx.NewDatabaseAsync("profile");
        await using var harness = await MarkersHarness.StartAsync(influx.Url, database);

        var error = await Assert.ThrowsAsync<PersonNotFoundException>(() => StoreLabsAsync(harness, "mallory"));

        Assert.Equal("No person 'mallory' in the state store; add them with 'livermuscle-sync people add mallory' (or connect a provider with 'auth').", error.Message);
        Assert.Equal(0, await influx.CountAsync(database, "health_marker", "value"));
    }

    private static async Task<IReadOnlyList<Fib4Result>> StoreLabsAsync(MarkersHarness harness, string user)
    {
        await harness.Get<MarkerRecorder>().StoreAsync(user, new MarkerReadResult(
            [Input("ast", 36, "U/L"), Input("alt", 41, "U/L"), Input("platelets", 210, "10^9/L")], []), CancellationToken.None);
        return await harness.Get<Fib4Calculator>().RecomputeAsync(user, CancellationToken.None);
    }

    private static MarkerInput Input(string marker, double value, string unit) =>
        new("test", marker, value, unit, MarkerTime.OfDate(new DateOnly(2026, 10, 2)), "lab");
}
