using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth.Tests;

/// <summary>One real event, one data point per source that recorded it; nameless Health Connect samples; open-ended food entries.</summary>
public sealed class MultiSourceTests : IAsyncLifetime
{
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync(o => o.MultiSource = true);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task HealthConnectWeighIns_ComeWithoutName_AndSomeAreCopiesOfTheScalesWithinAMinute()
    {
        var (weights, _) = await _h.ListAllAsync("weight");
        var (fats, _) = await _h.ListAllAsync("body-fat");

        var nameless = weights.Where(w => w["name"] is null).ToList();
        Assert.NotEmpty(nameless);
        Assert.All(nameless, w => Assert.Equal("HEALTH_CONNECT", w["dataSource"]!["platform"]!.GetValue<string>()));
        Assert.All(weights.Where(w => w["name"] is not null), w => Assert.NotEqual("HEALTH_CONNECT", w["dataSource"]!["platform"]!.GetValue<string>()));
        Assert.Contains(fats, f => f["name"] is null);
        var copies = _h.Sandbox.Copies(_h.User).Where(c => c.DataType == "weight").ToList();
        Assert.NotEmpty(copies);
        Assert.All(copies, c => Assert.False(c.Named));
        Assert.Equal(_h.Sandbox.Weights(_h.User).Count + copies.Count, weights.Count);

        var scale = weights.Where(w => w["name"] is not null).Select(Sample).ToList();
        var healthConnect = nameless.Select(Sample).ToList();
        var doubled = healthConnect.Count(c => scale.Any(s => Math.Abs((c.At - s.At).TotalSeconds) <= 40 && Math.Abs(c.Value - s.Value) <= 50));
        Assert.Equal(copies.Count, doubled);
        Assert.Contains(healthConnect, c => scale.Any(s => s.At == c.At));
        Assert.Contains(healthConnect, c => scale.Any(s => s.At != c.At && Math.Abs((c.At - s.At).TotalSeconds) <= 40));
    }

    [Fact]
    public async Task Sessions_AlsoLoggedByAGymApp_OrWrittenAgainInTheSameSecond()
    {
        var (points, _) = await _h.ListAllAsync("exercise", "exercise.interval.civil_start_time >= \"2026-07-01\"");
        var byName = points.ToDictionary(p => p["name"]!.GetValue<string>());
        var copies = _h.Sandbox.Copies(_h.User).Where(c => c.DataType == "exercise").ToList();
        var sessions = _h.Sandbox.Exercises(_h.User).ToDictionary(e => e.Name);

        Assert.Contains(copies, c => c.Platform == "HEALTH_CONNECT");
        Assert.Contains(copies, c => c.Platform == "FITBIT_WEB_API");
        foreach (var copy in copies.Where(c => byName.ContainsKey(c.Name)))
        {
            var interval = byName[copy.Name]["exercise"]!["interval"]!;
            var primary = sessions[copy.CopyOf];
            var start = Instant(interval["startTime"]!);
            var end = Instant(interval["endTime"]!);
            Assert.InRange((start - primary.Start).TotalSeconds, 0, 90);
            Assert.InRange((primary.End - end).TotalSeconds, 0, 120);
            if (copy.Platform == "FITBIT_WEB_API")
            {
                Assert.Equal((primary.Start, primary.ExerciseType), (start, byName[copy.Name]["exercise"]!["exerciseType"]!.GetValue<string>()));
            }
        }
    }

    [Fact]
    public async Task FoodEntriesSyncedThroughTwoApps_AreTwoPointsWithTheSameStartAndValues()
    {
        var (points, _) = await _h.ListAllAsync("nutrition-log", "nutrition_log.interval.civil_start_time >= \"2026-10-01\"");
        var byName = points.ToDictionary(p => p["name"]!.GetValue<string>());
        var copies = _h.Sandbox.Copies(_h.User).Where(c => c.DataType == "nutrition-log" && byName.ContainsKey(c.Name)).ToList();

        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            var (a, b) = (byName[copy.Name]["nutritionLog"]!, byName[copy.CopyOf]["nutritionLog"]!);
            Assert.Equal(a["interval"]!["startTime"]!.GetValue<string>(), b["interval"]!["startTime"]!.GetValue<string>());
            Assert.Equal(a["energy"]?["kcal"]?.GetValue<double>(), b["energy"]?["kcal"]?.GetValue<double>());
            Assert.Equal(Protein(a), Protein(b));
            Assert.NotEqual(byName[copy.Name]["dataSource"]!.ToJsonString(), byName[copy.CopyOf]["dataSource"]!.ToJsonString());
        }
    }

    [Fact]
    public async Task SomeFoodEntries_HaveNoEndTime_AndAreStillFilteredByTheirStart()
    {
        var (points, _) = await _h.ListAllAsync("nutrition-log", "nutrition_log.interval.civil_start_time >= \"2026-11-01\"");

        var open = points.Where(p => p["nutritionLog"]!["interval"]!["endTime"] is null).ToList();
        Assert.NotEmpty(open);
        Assert.True(open.Count < points.Count / 2);
        Assert.All(open, p => Assert.Null(p["nutritionLog"]!["interval"]!["civilEndTime"]));
        Assert.All(open, p => Assert.NotNull(p["nutritionLog"]!["interval"]!["civilStartTime"]));
    }

    [Fact]
    public async Task DeletingAnEvent_RemovesTheCopiesOtherSourcesHoldOfIt()
    {
        var copy = _h.Sandbox.Copies(_h.User).First(c => c.DataType == "nutrition-log");

        _h.Sandbox.Delete(_h.User, copy.CopyOf);
        var answer = await _h.GetAsync("v4/users/me/dataTypes/nutrition-log/dataPoints/" + copy.Name.Split('/')[^1], _h.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.DoesNotContain(_h.Sandbox.Copies(_h.User), c => c.Name == copy.Name);
    }

    [Fact]
    public async Task TypedRecords_AreTheSameWithOrWithoutOtherSources()
    {
        await using var single = await SandboxHarness.StartAsync();

        Assert.Equal(single.User, _h.User);
        Assert.Equal(single.Sandbox.Exercises(single.User), _h.Sandbox.Exercises(_h.User));
        Assert.Equal(single.Sandbox.NutritionLogs(single.User), _h.Sandbox.NutritionLogs(_h.User));
        Assert.Equal(single.Sandbox.Weights(single.User), _h.Sandbox.Weights(_h.User));
        Assert.Empty(single.Sandbox.Copies(single.User));
    }

    private static (DateTimeOffset At, double Value) Sample(JsonObject point) =>
        (Instant(point["weight"]!["sampleTime"]!["physicalTime"]!), point["weight"]!["weightGrams"]!.GetValue<double>());

    private static double? Protein(JsonNode log) =>
        log["nutrients"]?.AsArray().SingleOrDefault(n => n!["nutrient"]!.GetValue<string>() == "PROTEIN")?["quantity"]!["grams"]!.GetValue<double>();

    private static DateTimeOffset Instant(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);
}
