using System.Globalization;
using System.Net;
using Xunit;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth.Tests;

public sealed class FilterTests : IAsyncLifetime
{
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("exercise", "exercise.interval.start_time >= \"2026-11-01T00:00:00Z\"", "INVALID_DATA_POINT_FILTER_DATA_TYPE_MEMBER")]
    [InlineData("exercise", "exercise.interval.end_time < \"2026-11-01T00:00:00Z\"", "INVALID_DATA_POINT_FILTER_DATA_TYPE_MEMBER")]
    [InlineData("exercise", "exercise.interval.civil_end_time < \"2026-11-01\"", "INVALID_DATA_POINT_FILTER_DATA_TYPE_MEMBER")]
    [InlineData("nutrition-log", "nutrition_log.sample_time.physical_time >= \"2026-11-01T00:00:00Z\"", "INVALID_DATA_POINT_FILTER_DATA_TYPE_MEMBER")]
    [InlineData("weight", "weight.interval.civil_start_time >= \"2026-11-01\"", "INVALID_DATA_POINT_FILTER_DATA_TYPE_MEMBER")]
    [InlineData("weight", "weight.sample_time.civil_time >= \"2026-11-01\"", "INVALID_DATA_POINT_FILTER_DATA_TYPE_MEMBER")]
    [InlineData("weight", "body_fat.sample_time.physical_time >= \"2026-11-01T00:00:00Z\"", "INVALID_DATA_POINT_FILTER_COLLECTION_MISMATCH")]
    [InlineData("nutrition-log", "exercise.interval.civil_start_time >= \"2026-11-01\"", "INVALID_DATA_POINT_FILTER_COLLECTION_MISMATCH")]
    [InlineData("exercise", "workout.interval.civil_start_time >= \"2026-11-01\"", "INVALID_DATA_POINT_FILTER_DATA_TYPE_RESTRICTION")]
    [InlineData("exercise", "exercise.interval.civil_start_time >= \"2026/11/01\"", "INVALID_DATA_POINT_FILTER_CIVIL_DATE_TIME_FORMAT")]
    [InlineData("exercise", "exercise.interval.civil_start_time >= \"2026-11-01T00:00:00Z\"", "INVALID_DATA_POINT_FILTER_CIVIL_DATE_TIME_FORMAT")]
    [InlineData("weight", "weight.sample_time.physical_time >= \"2026-11-01\"", "INVALID_DATA_POINT_FILTER_TIMESTAMP_FORMAT")]
    [InlineData("body-fat", "body_fat.sample_time.physical_time < \"yesterday\"", "INVALID_DATA_POINT_FILTER_TIMESTAMP_FORMAT")]
    [InlineData("exercise", "exercise.interval.civil_start_time > \"2026-11-01\"", "INVALID_DATA_POINT_FILTER_SYNTAX")]
    [InlineData("exercise", "exercise.interval.civil_start_time <= \"2026-11-01\"", "INVALID_DATA_POINT_FILTER_SYNTAX")]
    [InlineData("exercise", "exercise.interval.civil_start_time >= 2026-11-01", "INVALID_DATA_POINT_FILTER_SYNTAX")]
    [InlineData("exercise", "exercise.interval.civil_start_time >= \"2026-11-01\" OR exercise.interval.civil_start_time < \"2026-10-01\"", "INVALID_DATA_POINT_FILTER_SYNTAX")]
    [InlineData("weight", "weight.sample_time.physical_time >= \"2026-11-01T00:00:00Z", "INVALID_DATA_POINT_FILTER_SYNTAX")]
    [InlineData("weight", "((garbage", "INVALID_DATA_POINT_FILTER_SYNTAX")]
    public async Task RefusedFilter_Answers400_WithTheCatalogueReason(string type, string filter, string reason)
    {
        var answer = await _h.ListAsync(type, filter);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(400, answer.Json!["error"]!["code"]!.GetValue<int>());
        Assert.Equal("INVALID_ARGUMENT", answer.ErrorStatus);
        Assert.Equal("type.googleapis.com/google.rpc.ErrorInfo", answer.Json!["error"]!["details"]![0]!["@type"]!.GetValue<string>());
        Assert.Equal(reason, answer.Reason);
        Assert.Equal(reason, answer.DetailedReasons);
    }

    [Fact]
    public async Task ExerciseCivilStartFilter_ServesExactlyTheSessionsStartingInThoseLocalDays()
    {
        var offset = _h.Sandbox.UtcOffset(_h.User);
        var (points, _) = await _h.ListAllAsync("exercise", "exercise.interval.civil_start_time >= \"2026-10-01\" AND exercise.interval.civil_start_time < \"2026-11-01\"");

        var expected = _h.Sandbox.Exercises(_h.User)
            .Where(e => (e.Start.UtcDateTime + offset) is var local && local >= new DateTime(2026, 10, 1) && local < new DateTime(2026, 11, 1))
            .Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count >= 8, $"only {expected.Count} sessions in October");
        Assert.Equal(expected, points.Select(p => p["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task CivilDateTimeLiteral_BoundsByLocalWallClockTime()
    {
        var log = _h.Sandbox.NutritionLogs(_h.User)[^10];
        var local = log.Start.UtcDateTime + log.UtcOffset;
        var literal = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        var (from, _) = await _h.ListAllAsync("nutrition-log", $"nutrition_log.interval.civil_start_time >= \"{literal}\"");
        var (before, _) = await _h.ListAllAsync("nutrition-log", $"nutrition_log.interval.civil_start_time < \"{literal}\"");

        Assert.Contains(from, p => p["name"]!.GetValue<string>() == log.Name);
        Assert.DoesNotContain(before, p => p["name"]!.GetValue<string>() == log.Name);
        Assert.Equal(_h.Sandbox.NutritionLogs(_h.User).Count, from.Count + before.Count);
    }

    [Fact]
    public async Task WeightPhysicalTimeFilter_AcceptsOffsetsAndBoundsByInstant()
    {
        var (points, _) = await _h.ListAllAsync("weight", "weight.sample_time.physical_time >= \"2026-11-01T00:00:00+01:00\" AND weight.sample_time.physical_time < \"2026-11-15T00:00:00Z\"");

        var expected = _h.Sandbox.Weights(_h.User).Where(w => w.Time >= new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero) && w.Time < new DateTimeOffset(2026, 11, 15, 0, 0, 0, TimeSpan.Zero)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(w => w.Name).Order(StringComparer.Ordinal), points.Select(p => p["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SampleCivilTimeFilter_IsAcceptedOnlyWhenSwitchedOn()
    {
        await using var lenient = await SandboxHarness.StartAsync(o => o.AcceptSampleCivilTimeFilter = true);
        var (points, _) = await lenient.ListAllAsync("body-fat", "body_fat.sample_time.civil_time >= \"2026-11-20\"");

        var offset = lenient.Sandbox.UtcOffset(lenient.User);
        Assert.Equal(lenient.Sandbox.BodyFats(lenient.User).Count(b => b.Time.UtcDateTime + offset >= new DateTime(2026, 11, 20)), points.Count);
        Assert.Equal("INVALID_DATA_POINT_FILTER_DATA_TYPE_MEMBER", (await _h.ListAsync("body-fat", "body_fat.sample_time.civil_time >= \"2026-11-20\"")).Reason);
    }
}
