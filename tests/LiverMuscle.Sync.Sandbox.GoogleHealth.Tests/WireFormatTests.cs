using Xunit;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth.Tests;

public sealed class WireFormatTests
{
    [Fact]
    public async Task GeneratedTimestamps_AreZuluWithZeroThreeSixOrNineFractionDigits()
    {
        await using var h = await SandboxHarness.StartAsync(o => o.HistoryDays = 30);
        var (points, _) = await h.ListAllAsync("exercise");

        Assert.NotEmpty(points);
        foreach (var exercise in points.Select(p => p["exercise"]!))
        {
            Assert.Matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", exercise["interval"]!["startTime"]!.GetValue<string>());
            Assert.Matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.(\\d{3}|\\d{6}|\\d{9}))?Z$", exercise["createTime"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task MidnightCivilTime_PrintsAnEmptyTimeObject()
    {
        await using var h = await SandboxHarness.StartAsync(o => o.HistoryDays = 3);
        var offset = h.Sandbox.UtcOffset(h.User);
        var midnight = new DateTimeOffset(new DateTime(2026, 11, 24) - offset, TimeSpan.Zero);
        var log = h.Sandbox.AddNutritionLog(h.User, midnight, 20, 200);

        var (points, _) = await h.ListAllAsync("nutrition-log", "nutrition_log.interval.civil_start_time >= \"2026-11-24\" AND nutrition_log.interval.civil_start_time < \"2026-11-24T00:00:01\"");

        var point = Assert.Single(points);
        Assert.Equal(log.Name, point["name"]!.GetValue<string>());
        Assert.Equal("{}", point["nutritionLog"]!["interval"]!["civilStartTime"]!["time"]!.ToJsonString());
        Assert.Equal(15, point["nutritionLog"]!["interval"]!["civilEndTime"]!["time"]!["minutes"]!.GetValue<int>());
    }
}
