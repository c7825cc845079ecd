using System.Globalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>A list answer holds one data point per source; one real event must land as one point.</summary>
public sealed class MultiSourceTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task EventsRecordedBySeveralSources_LandOnce_WithTheMostDirectSourcesValues()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 60, Seed = 31 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);
        var id = await stack.AuthorizeAsync("una", sandbox, TimeProvider.System);
        var copies = sandbox.Copies(id);
        Assert.Contains(copies, c => c is { DataType: "exercise", Platform: "HEALTH_CONNECT" });
        Assert.Contains(copies, c => c is { DataType: "exercise", Platform: "FITBIT_WEB_API" });
        Assert.Contains(copies, c => c.DataType == "nutrition-log");
        Assert.Contains(copies, c => c is { DataType: "weight", Named: false });

        var run = await stack.SyncAsync("una", SyncMode.Backfill, DateTimeOffset.UtcNow.AddDays(-62));

        Assert.Equal(SyncOutcome.Ok, run.Outcome);
        var strength = new FitbitOptions().StrengthExerciseTypes;
        var sessions = sandbox.Exercises(id).Where(e => strength.ContainsKey(e.ExerciseType) && e.End - e.Start >= TimeSpan.FromMinutes(5)).ToList();
        Assert.Equal(sessions.Count, await influx.CountAsync(stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS));
        var copiedSessions = copies.Where(c => c.DataType == "exercise").Select(c => sessions.SingleOrDefault(s => s.Name == c.CopyOf)).OfType<SandboxExercise>().ToList();
        Assert.NotEmpty(copiedSessions);
        foreach (var copied in copiedSessions)
        {
            // The watch's session stands: its start, its calories.
            var calories = await influx.ScalarAsync($"SELECT {F.StrengthSession.CaloriesKcal} FROM {Measurements.StrengthSession} WHERE time = '{At(copied.Start)}'", stack.Database);
            Assert.Equal((long)Math.Round(copied.CaloriesKcal!.Value, MidpointRounding.AwayFromZero), calories!.Value.GetInt64());
        }

        var weights = sandbox.Weights(id);
        Assert.Equal(weights.Count, await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg));
        foreach (var copied in copies.Where(c => c.DataType == "weight").Select(c => weights.Single(w => w.Name == c.CopyOf)))
        {
            var kg = await influx.ScalarAsync($"SELECT {F.BodyComposition.WeightKg} FROM {Measurements.BodyComposition} WHERE time = '{At(copied.Time)}'", stack.Database);
            Assert.Equal(copied.Value / 1000, kg!.Value.GetDouble(), 6);
        }

        var protein = sandbox.NutritionLogs(id).GroupBy(n => DateOnly.FromDateTime(n.Start.UtcDateTime + n.UtcOffset)).ToDictionary(g => g.Key, g => g.Sum(n => n.ProteinGrams ?? 0));
        var entries = sandbox.NutritionLogs(id).GroupBy(n => DateOnly.FromDateTime(n.Start.UtcDateTime + n.UtcOffset)).ToDictionary(g => g.Key, g => g.Count());
        using var json = await influx.ExecuteAsync($"SELECT {F.NutritionDaily.LocalDate}, {F.NutritionDaily.ProteinG}, {F.NutritionDaily.Entries} FROM {Measurements.NutritionDaily}", stack.Database);
        var rows = json.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(protein.Count, rows.Count);
        foreach (var row in rows)
        {
            var day = DateOnly.ParseExact(row[1].GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(protein[day], row[2].GetDouble(), 2);
            Assert.Equal(entries[day], row[3].GetInt64());
        }
    }

    [Fact]
    public async Task NamelessWeighIn_KeepsItsIdentityAcrossReads_AndIsDeletedWhenItVanishes()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 30, Seed = 32 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);
        var id = await stack.AuthorizeAsync("vic", sandbox, TimeProvider.System);
        var nameless = sandbox.Weights(id).Last(w => sandbox.IsServedWithoutName(id, w.Name) && w.Time > DateTimeOffset.UtcNow.AddDays(-20));
        var query = $"SELECT {F.BodyComposition.SourceId}, {F.BodyComposition.WeightKg} FROM {Measurements.BodyComposition} WHERE time = '{At(nameless.Time)}'";

        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("vic", SyncMode.Incremental)).Outcome);
        var first = await influx.ScalarAsync(query, stack.Database);
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("vic", SyncMode.Incremental)).Outcome);
        var second = await influx.ScalarAsync(query, stack.Database);

        Assert.StartsWith("weight-", first!.Value.GetString(), StringComparison.Ordinal);
        Assert.Equal(first.Value.GetString(), second!.Value.GetString());
        var before = await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg);

        sandbox.Delete(id, nameless.Name);
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("vic", SyncMode.Incremental)).Outcome);

        // What stays at that time is the weigh-in's body fat, if it had one, under the body fat's own identity.
        var left = await influx.FieldsAtAsync(stack.Database, Measurements.BodyComposition, "vic", nameless.Time);
        Assert.DoesNotContain(F.BodyComposition.WeightKg, left);
        Assert.DoesNotContain(F.BodyComposition.FatMassKg, left);
        if (left.Count > 0)
        {
            var sourceId = await influx.ScalarAsync($"SELECT {F.BodyComposition.SourceId} FROM {Measurements.BodyComposition} WHERE time = '{At(nameless.Time)}'", stack.Database);
            Assert.StartsWith("body-fat-", sourceId!.Value.GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before - 1, await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg));
    }

    private static string At(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
