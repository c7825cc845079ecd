using System.Globalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Logging;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

public sealed class EndToEndTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task Backfill_Resync_DeleteAndAdd_InfluxMatchesTheSandbox()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 60, Seed = 5 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);
        var id = await stack.AuthorizeAsync("ann", sandbox, TimeProvider.System);

        var backfill = await stack.SyncAsync("ann", SyncMode.Backfill, DateTimeOffset.UtcNow.AddDays(-62));

        Assert.Equal(SyncOutcome.Ok, backfill.Outcome);
        await AssertMatchesAsync(sandbox, id, stack.Database);

        var again = await stack.SyncAsync("ann", SyncMode.Incremental);
        Assert.Equal(SyncOutcome.Ok, again.Outcome);
        await AssertMatchesAsync(sandbox, id, stack.Database);

        var offset = sandbox.UtcOffset(id);
        var byDay = sandbox.NutritionLogs(id).GroupBy(n => LocalDay(n.Start, n.UtcOffset)).ToList();
        var recentDay = byDay.Last(g => g.Min(n => n.Start) < DateTimeOffset.UtcNow.AddDays(-3));
        foreach (var entry in recentDay)
        {
            sandbox.Delete(id, entry.Name);
        }

        var oneLeft = byDay.Last(g => g.Count() > 1 && g.Min(n => n.Start) < DateTimeOffset.UtcNow.AddDays(-6));
        sandbox.Delete(id, oneLeft.First().Name);
        var added = sandbox.AddExercise(id, DateTimeOffset.UtcNow.AddDays(-2).AddHours(-3), TimeSpan.FromMinutes(47), "WEIGHTLIFTING");
        var afterEdit = await stack.SyncAsync("ann", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, afterEdit.Outcome);
        await AssertMatchesAsync(sandbox, id, stack.Database);
        var protein = await ProteinByDayAsync(stack.Database);
        Assert.Equal(0, protein[recentDay.Key]);
        var durations = await influx.ScalarAsync($"SELECT duration_s FROM strength_session WHERE time = '{added.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}'", stack.Database);
        Assert.Equal(47 * 60, durations!.Value.GetInt64());
        Assert.Equal(offset, sandbox.UtcOffset(id));
    }

    [Fact]
    public async Task MalformedPointAndUnknownExerciseType_BadPointLoggedByName_TheRestLands()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 30, Seed = 9, UnknownExerciseTypeEvery = 2 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);
        var id = await stack.AuthorizeAsync("bo", sandbox, TimeProvider.System);
        var bad = sandbox.AddMalformed(id, "weight", DateTimeOffset.UtcNow.AddDays(-3));

        var run = await stack.SyncAsync("bo", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Partial, run.Outcome);
        Assert.Contains(stack.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains(bad, StringComparison.Ordinal));
        var window = DateTimeOffset.UtcNow.AddDays(-29);
        var weights = sandbox.Weights(id).Count(w => w.Name != bad && w.Time >= new DateTimeOffset(window.UtcDateTime.Date, TimeSpan.Zero));
        Assert.Equal(weights, await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg));
        Assert.Contains(sandbox.Exercises(id), e => e.ExerciseType == "UNDERWATER_HOCKEY_V2");
    }

    /// <summary>Sessions, nutrition days (protein to 0.01 g) and weigh-ins in InfluxDB equal what the sandbox serves.</summary>
    private async Task AssertMatchesAsync(GoogleHealthSandbox sandbox, string id, string database)
    {
        var strength = new FitbitOptions().StrengthExerciseTypes;
        var sessions = sandbox.Exercises(id).Where(e => strength.ContainsKey(e.ExerciseType) && e.End - e.Start >= TimeSpan.FromMinutes(5)).ToList();
        Assert.Equal(sessions.Count, await influx.CountAsync(database, Measurements.StrengthSession, F.StrengthSession.DurationS));

        var days = sandbox.NutritionLogs(id).GroupBy(n => LocalDay(n.Start, n.UtcOffset)).ToDictionary(g => g.Key, g => g.Sum(n => n.ProteinGrams ?? 0));
        var protein = await ProteinByDayAsync(database);
        foreach (var (day, grams) in days)
        {
            Assert.InRange(protein[day], grams - 0.005, grams + 0.005);
        }

        Assert.All(protein.Where(p => !days.ContainsKey(p.Key)), p => Assert.Equal(0, p.Value));
        Assert.Equal(sandbox.Weights(id).Count, await influx.CountAsync(database, Measurements.BodyComposition, F.BodyComposition.WeightKg));
    }

    private async Task<Dictionary<string, double>> ProteinByDayAsync(string database)
    {
        using var json = await influx.ExecuteAsync($"SELECT {F.NutritionDaily.LocalDate}, {F.NutritionDaily.ProteinG} FROM {Measurements.NutritionDaily}", database);
        var result = new Dictionary<string, double>();
        foreach (var series in json.RootElement.GetProperty("results")[0].GetProperty("series").EnumerateArray())
        {
            foreach (var row in series.GetProperty("values").EnumerateArray())
            {
                result[row[1].GetString()!] = row[2].GetDouble();
            }
        }

        return result;
    }

    private static string LocalDay(DateTimeOffset start, TimeSpan offset) =>
        (start.UtcDateTime + offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
