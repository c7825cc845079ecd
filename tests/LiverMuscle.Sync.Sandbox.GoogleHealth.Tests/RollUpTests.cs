using System.Net;
using System.Text;
using Xunit;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth.Tests;

public sealed class RollUpTests : IAsyncLifetime
{
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task NutritionDailyRollUp_SumsProteinPerLocalDay_NewestWindowFirst()
    {
        var answer = await RollUpAsync("nutrition-log", Range("2026-11-10", "2026-11-20"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var windows = answer.Json!["rollupDataPoints"]!.AsArray();
        Assert.Equal(10, windows.Count);
        Assert.Null(answer.Json!["nextPageToken"]);
        Assert.Equal(19, windows[0]!["civilStartTime"]!["date"]!["day"]!.GetValue<int>());
        Assert.Equal(10, windows[^1]!["civilStartTime"]!["date"]!["day"]!.GetValue<int>());
        Assert.True(windows.Count(w => w!["nutritionLog"] is not null) >= 5);
        var offset = _h.Sandbox.UtcOffset(_h.User);
        foreach (var window in windows)
        {
            var day = new DateTime(2026, 11, window!["civilStartTime"]!["date"]!["day"]!.GetValue<int>());
            var logs = _h.Sandbox.NutritionLogs(_h.User).Where(l => (l.Start.UtcDateTime + offset).Date == day).ToList();
            if (logs.Count == 0)
            {
                Assert.Null(window["nutritionLog"]);
                continue;
            }

            var protein = window["nutritionLog"]!["nutrients"]!.AsArray().Single(n => n!["nutrient"]!.GetValue<string>() == "PROTEIN")!["quantity"]!["gramsSum"]!.GetValue<double>();
            Assert.Equal(logs.Sum(l => l.ProteinGrams!.Value), protein, 6);
            Assert.Equal(logs.Sum(l => l.Kcal!.Value), window["nutritionLog"]!["energy"]!["kcalSum"]!.GetValue<double>(), 6);
        }
    }

    [Fact]
    public async Task RollUp_RefusesLongRangesAndTypesWithoutRollUps()
    {
        var tooLong = await RollUpAsync("weight", Range("2026-01-01", "2026-06-01"));
        var exercise = await RollUpAsync("exercise", Range("2026-11-01", "2026-11-02"));
        var noRange = await RollUpAsync("body-fat", "{}");

        Assert.Equal("INVALID_ROLLUP_QUERY_DURATION", tooLong.Reason);
        Assert.Equal("UNSUPPORTED_DATA_TYPE_ACTION", exercise.Reason);
        Assert.Equal(HttpStatusCode.BadRequest, noRange.Status);
    }

    private static string Range(string start, string end)
    {
        static string Civil(string day) =>
            "{\"date\":{\"year\":" + day[..4] + ",\"month\":" + int.Parse(day[5..7]) + ",\"day\":" + int.Parse(day[8..]) + "}}";
        return "{\"range\":{\"start\":" + Civil(start) + ",\"end\":" + Civil(end) + "},\"windowSizeDays\":1}";
    }

    private async Task<Answer> RollUpAsync(string type, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v4/users/me/dataTypes/{type}/dataPoints:dailyRollUp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", _h.AccessToken);
        return await _h.SendAsync(request);
    }
}
