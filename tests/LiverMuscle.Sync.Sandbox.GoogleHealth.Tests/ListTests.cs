using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth.Tests;

public sealed class ListTests : IAsyncLifetime
{
    private const string LastQuarter = "exercise.interval.civil_start_time >= \"2026-08-01\" AND exercise.interval.civil_start_time < \"2026-11-26\"";
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task NumericUserParent_IsRefusedWithInvalidArgument_AndNoDetails()
    {
        var answer = await _h.ListAsync("weight", parent: _h.User);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("INVALID_ARGUMENT", answer.ErrorStatus);
        Assert.Equal("Request contains an invalid argument.", answer.Json!["error"]!["message"]!.GetValue<string>());
        Assert.Null(answer.Json!["error"]!["details"]);
    }

    [Fact]
    public async Task UnknownDataType_IsRefusedWithInvalidParentDataTypeCollection()
    {
        var answer = await _h.ListAsync("strength-sets");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("INVALID_PARENT_DATA_TYPE_COLLECTION", answer.Reason);
    }

    [Fact]
    public async Task ExercisePages_AreCappedAt25_NewestFirst_AndEndWithALiteralEmptyObject()
    {
        var (points, pages) = await _h.ListAllAsync("exercise", LastQuarter, pageSize: "100");

        Assert.True(points.Count > 25, $"only {points.Count} sessions");
        Assert.All(pages, p => Assert.True((p.Json!["dataPoints"]?.AsArray().Count ?? 0) <= 25));
        Assert.Contains(pages, p => p.Json!["dataPoints"]?.AsArray().Count == 25);
        Assert.Equal("{}", pages[^1].Text);
        var starts = points.Select(p => DateTimeOffset.Parse(p["exercise"]!["interval"]!["startTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(starts.OrderByDescending(s => s), starts);
        Assert.Equal(points.Count, points.Select(p => p["name"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task WithoutFinalEmptyObject_TheLastDataPageHasNoToken()
    {
        await using var h = await SandboxHarness.StartAsync(o => { o.FinalPageEmptyObject = false; o.EmptyPageWithToken = false; });
        var (points, pages) = await h.ListAllAsync("weight", pageSize: "30");

        Assert.Equal(h.Sandbox.Weights(h.User).Count, points.Count);
        Assert.NotNull(pages[^1].Json!["dataPoints"]);
        Assert.Null(pages[^1].Json!["nextPageToken"]);
    }

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 2)]
    public async Task IdenticalTimestamps_SplitAcrossPages_AreAllServedUnlessTheTieDropDefectIsOn(bool tieDrop, int served)
    {
        await using var h = await SandboxHarness.StartAsync(o => { o.TieDropDefect = tieDrop; o.EmptyPageWithToken = false; });
        var offset = h.Sandbox.UtcOffset(h.User);
        var at = new DateTimeOffset(new DateTime(2026, 11, 24, 3, 3, 3) - offset, TimeSpan.Zero);
        var added = Enumerable.Range(0, 3).Select(_ => h.Sandbox.AddNutritionLog(h.User, at, 10, 100).Name).ToList();

        var (points, _) = await h.ListAllAsync("nutrition-log", "nutrition_log.interval.civil_start_time >= \"2026-11-24T03:03:03\" AND nutrition_log.interval.civil_start_time < \"2026-11-24T03:03:04\"", pageSize: "2");

        Assert.Equal(served, points.Count);
        Assert.All(points, p => Assert.Contains(p["name"]!.GetValue<string>(), added));
    }

    [Fact]
    public async Task LastPageToken_CanBeAnEmptyString()
    {
        await using var h = await SandboxHarness.StartAsync(o => { o.FinalPageEmptyObject = false; o.LastPageEmptyStringToken = true; o.EmptyPageWithToken = false; });

        var page = await h.ListAsync("height");

        Assert.Equal("", page.Json!["nextPageToken"]!.GetValue<string>());
        Assert.Single(page.Json!["dataPoints"]!.AsArray());
    }

    [Fact]
    public async Task EmptyPagesWithAToken_OccurAndFollowingThemLosesNothing()
    {
        var emptyWithToken = 0;
        var served = 0;
        for (var day = new DateTime(2026, 9, 1); day < new DateTime(2026, 11, 1); day = day.AddDays(1))
        {
            var filter = $"nutrition_log.interval.civil_start_time >= \"{day:yyyy-MM-dd}\" AND nutrition_log.interval.civil_start_time < \"{day.AddDays(1):yyyy-MM-dd}\"";
            var (points, pages) = await _h.ListAllAsync("nutrition-log", filter, pageSize: "2");
            emptyWithToken += pages.Count(p => p.Json!["dataPoints"] is null && p.Json!["nextPageToken"] is not null);
            served += points.Count;
        }

        var offset = _h.Sandbox.UtcOffset(_h.User);
        var expected = _h.Sandbox.NutritionLogs(_h.User).Count(n => (n.Start.UtcDateTime + offset) is var l && l >= new DateTime(2026, 9, 1) && l < new DateTime(2026, 11, 1));
        Assert.True(emptyWithToken > 0, "no empty page with a token was served");
        Assert.Equal(expected, served);
    }

    [Fact]
    public async Task PageToken_IsBoundToTheQuery()
    {
        var first = await _h.ListAsync("exercise", LastQuarter, pageSize: "10");
        var token = first.Json!["nextPageToken"]!.GetValue<string>();

        var sameQuery = await _h.ListAsync("exercise", LastQuarter, pageSize: "10", pageToken: token);
        var otherFilter = await _h.ListAsync("exercise", "exercise.interval.civil_start_time >= \"2026-08-02\"", pageSize: "10", pageToken: token);
        var otherSize = await _h.ListAsync("exercise", LastQuarter, pageSize: "11", pageToken: token);
        var otherType = await _h.ListAsync("weight", pageSize: "10", pageToken: token);
        var garbage = await _h.ListAsync("exercise", LastQuarter, pageSize: "10", pageToken: "bm90IGEgdG9rZW4");

        Assert.Equal(HttpStatusCode.OK, sameQuery.Status);
        foreach (var refused in new[] { otherFilter, otherSize, otherType, garbage })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("INVALID_PAGE_TOKEN", refused.Reason);
        }
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("ten")]
    public async Task BadPageSize_IsRefused(string pageSize)
    {
        var answer = await _h.ListAsync("weight", pageSize: pageSize);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("INVALID_PAGE_SIZE", answer.Reason);
    }

    [Fact]
    public async Task DefaultPageSize_ServesAHundredAndTwentyDaysOfFoodInOnePage()
    {
        var first = await _h.ListAsync("nutrition-log");
        var page = first.Json!["dataPoints"] is JsonArray a ? a : (await _h.ListAsync("nutrition-log", pageToken: first.Json!["nextPageToken"]!.GetValue<string>())).Json!["dataPoints"]!.AsArray();

        Assert.InRange(page.Count, 200, 1440);
        Assert.Equal(_h.Sandbox.NutritionLogs(_h.User).Count, page.Count);
    }

    [Fact]
    public async Task ExerciseJson_FollowsTheProto3Mapping()
    {
        var (points, _) = await _h.ListAllAsync("exercise", LastQuarter);
        var withHeartRate = points.First(p => p["exercise"]!["metricsSummary"]?["averageHeartRateBeatsPerMinute"] is not null);
        var summary = withHeartRate["exercise"]!["metricsSummary"]!;
        var interval = withHeartRate["exercise"]!["interval"]!;

        Assert.Equal(JsonValueKind.String, summary["averageHeartRateBeatsPerMinute"]!.GetValueKind());
        Assert.True(long.TryParse(summary["averageHeartRateBeatsPerMinute"]!.GetValue<string>(), out _));
        Assert.Equal(JsonValueKind.Number, summary["caloriesKcal"]!.GetValueKind());
        Assert.EndsWith("Z", interval["startTime"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Matches("^-?[0-9]+s$", interval["startUtcOffset"]!.GetValue<string>());
        Assert.Null(interval["civilStartTime"]);
        Assert.Matches($"^users/{_h.User}/dataTypes/exercise/dataPoints/[0-9]{{15,19}}$", withHeartRate["name"]!.GetValue<string>());
        Assert.All(points.Select(p => p["exercise"]!["activeDuration"]).OfType<JsonNode>(), d => Assert.Matches("^[0-9]+(\\.[0-9]+)?s$", d.GetValue<string>()));
        Assert.Contains(points, p => p["exercise"]!["activeDuration"] is not null);
        Assert.NotNull(withHeartRate["dataSource"]!["recordingMethod"]);
        Assert.NotNull(withHeartRate["dataSource"]!["platform"]);
        var record = _h.Sandbox.Exercises(_h.User).Single(e => e.Name == withHeartRate["name"]!.GetValue<string>());
        Assert.Equal(record.AverageHeartRate.ToString(), summary["averageHeartRateBeatsPerMinute"]!.GetValue<string>());
        Assert.Equal($"{(long)record.UtcOffset.TotalSeconds}s", interval["startUtcOffset"]!.GetValue<string>());
        Assert.Contains(points, p => p["exercise"]!["metricsSummary"]?["steps"]?.GetValueKind() == JsonValueKind.String);
    }

    [Fact]
    public async Task ExerciseCivilTimes_ArePresentWhenTheSwitchIsOff()
    {
        await using var h = await SandboxHarness.StartAsync(o => o.OmitExerciseCivilTimes = false);
        var (points, _) = await h.ListAllAsync("exercise", LastQuarter);

        Assert.All(points, p => Assert.NotNull(p["exercise"]!["interval"]!["civilStartTime"]!["date"]));
    }

    [Fact]
    public async Task NutritionJson_CarriesProteinAsANutrient_AndCivilTimes()
    {
        var (points, _) = await _h.ListAllAsync("nutrition-log", "nutrition_log.interval.civil_start_time >= \"2026-11-01\"");
        var logs = _h.Sandbox.NutritionLogs(_h.User).ToDictionary(n => n.Name);

        Assert.NotEmpty(points);
        foreach (var point in points)
        {
            var log = point["nutritionLog"]!;
            var record = logs[point["name"]!.GetValue<string>()];
            var protein = log["nutrients"]!.AsArray().Single(n => n!["nutrient"]!.GetValue<string>() == "PROTEIN")!["quantity"]!["grams"]!.GetValue<double>();
            Assert.Equal(record.ProteinGrams, protein);
            Assert.InRange(protein, 5, 60);
            Assert.Equal(Math.Round(protein, 2), protein);
            Assert.Equal(record.Kcal, log["energy"]!["kcal"]!.GetValue<double>());
            Assert.Equal(record.CarbsGrams, log["totalCarbohydrate"]!["grams"]!.GetValue<double>());
            var local = record.Start.UtcDateTime + record.UtcOffset;
            Assert.Equal(local.Day, log["interval"]!["civilStartTime"]!["date"]!["day"]!.GetValue<int>());
            Assert.Equal(local.Hour, log["interval"]!["civilStartTime"]!["time"]!["hours"]?.GetValue<int>() ?? 0);
        }

        Assert.Contains(points, p => p["nutritionLog"]!["nutrients"]!.AsArray().Any(n => n!["nutrient"]!.GetValue<string>() == "DIETARY_FIBER"));
    }

    [Fact]
    public async Task WeightAndBodyFat_AreSeparatePointsWithTheSamePhysicalTime()
    {
        var (weights, _) = await _h.ListAllAsync("weight");
        var (fats, _) = await _h.ListAllAsync("body-fat");

        var weightTimes = weights.Select(w => w["weight"]!["sampleTime"]!["physicalTime"]!.GetValue<string>()).ToHashSet();
        Assert.NotEmpty(fats);
        Assert.All(fats, f => Assert.Contains(f["bodyFat"]!["sampleTime"]!["physicalTime"]!.GetValue<string>(), weightTimes));
        Assert.All(weights, w => Assert.Equal(JsonValueKind.Number, w["weight"]!["weightGrams"]!.GetValueKind()));
        Assert.All(weights, w => Assert.InRange(w["weight"]!["weightGrams"]!.GetValue<double>(), 40_000, 150_000));
        Assert.All(fats, f => Assert.InRange(f["bodyFat"]!["percentage"]!.GetValue<double>(), 3, 60));
        Assert.True(fats.Count < weights.Count);
    }

    [Fact]
    public async Task Height_IsServedAsAnInt64String()
    {
        var (heights, _) = await _h.ListAllAsync("height");

        var height = Assert.Single(heights);
        Assert.Equal(JsonValueKind.String, height["height"]!["heightMillimeters"]!.GetValueKind());
    }

    [Fact]
    public async Task DeletedPoint_DisappearsAndMalformedPointIsServed()
    {
        var victim = _h.Sandbox.Weights(_h.User)[^1];
        _h.Sandbox.Delete(_h.User, victim.Name);
        var malformed = _h.Sandbox.AddMalformed(_h.User, "weight", SandboxHarness.Start.AddHours(-1));

        var (weights, _) = await _h.ListAllAsync("weight");

        Assert.DoesNotContain(weights, w => w["name"]!.GetValue<string>() == victim.Name);
        Assert.DoesNotContain(_h.Sandbox.Weights(_h.User), w => w.Name == victim.Name);
        var bad = Assert.Single(weights, w => w["name"]!.GetValue<string>() == malformed);
        Assert.Equal("abc", bad["weight"]!["weightGrams"]!.GetValue<string>());
        Assert.Equal(malformed, weights[0]["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AddedExerciseAndNutrition_AreServedWithTheUsersOffset()
    {
        var start = new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.Zero);
        var session = _h.Sandbox.AddExercise(_h.User, start, TimeSpan.FromMinutes(50), "POWERLIFTING");
        var food = _h.Sandbox.AddNutritionLog(_h.User, start.AddHours(2), 42.5, 610);

        var exercise = await _h.GetAsync("v4/users/me/dataTypes/exercise/dataPoints/" + session.Name.Split('/')[^1], _h.AccessToken);
        var (logs, _) = await _h.ListAllAsync("nutrition-log", "nutrition_log.interval.civil_start_time >= \"2026-11-23\"");

        Assert.Equal(HttpStatusCode.OK, exercise.Status);
        Assert.Equal("POWERLIFTING", exercise.Json!["exercise"]!["exerciseType"]!.GetValue<string>());
        Assert.Equal(session.End - session.Start, TimeSpan.FromMinutes(50));
        Assert.Equal(_h.Sandbox.UtcOffset(_h.User), session.UtcOffset);
        var log = Assert.Single(logs, l => l["name"]!.GetValue<string>() == food.Name);
        Assert.Equal(610, log["nutritionLog"]!["energy"]!["kcal"]!.GetValue<double>());
        Assert.Equal(42.5, food.ProteinGrams);
    }
}
