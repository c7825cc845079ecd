using System.Globalization;
using System.Text.Json.Nodes;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

public sealed class ExportImportTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>, IDisposable
{
    /// <summary>How the legacy Fitbit log names the sandbox's strength types.</summary>
    private static readonly Dictionary<string, string> ActivityNames = new()
    {
        ["WEIGHTLIFTING"] = "Weightlifting",
        ["STRENGTH_TRAINING"] = "Strength training",
        ["WEIGHTS"] = "Weights",
        ["CIRCUIT_TRAINING"] = "Circuit training",
        ["CALISTHENICS"] = "Calisthenics",
        ["POWERLIFTING"] = "Powerlifting",
    };

    private readonly DirectoryInfo _export = Directory.CreateTempSubdirectory("fitbit-export-");

    public void Dispose() => _export.Delete(recursive: true);

    [Fact]
    public async Task ImportThenApiSyncOfTheSamePeriod_NoDuplicateSessionsOrWeighIns()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 40, Seed = 21 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System, settings: new Dictionary<string, string?> { ["Fitbit:ExportWeightUnit"] = "lb" });
        var id = await stack.AuthorizeAsync("fay", sandbox, TimeProvider.System);
        var sessions = sandbox.Exercises(id).Where(e => ActivityNames.ContainsKey(e.ExerciseType) && e.End - e.Start >= TimeSpan.FromMinutes(5)).ToList();
        var exported = WriteExport(sandbox, id, sessions);

        var (import, report) = await stack.ImportAsync("fay", _export.FullName);

        var error = Assert.Single(report.Errors);
        Assert.StartsWith("exercise-0.json record 999: ", $"{error.RecordId}: {error.Reason}", StringComparison.Ordinal);
        Assert.Equal(1, report.Ignored);
        Assert.Equal(sessions.Count, report.Sessions);
        Assert.Equal(exported, report.WeighIns);
        Assert.Equal((SyncOutcome.Partial, sessions.Count + exported, 1), (import.Outcome, import.Records, import.Rejected));
        Assert.Equal(sessions.Count, await influx.CountAsync(stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS));
        Assert.Equal(exported, await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg));

        var sync = await stack.SyncAsync("fay", SyncMode.Backfill, DateTimeOffset.UtcNow.AddDays(-42));

        Assert.Equal(SyncOutcome.Ok, sync.Outcome);
        var strength = new FitbitOptions().StrengthExerciseTypes;
        Assert.Equal(
            sandbox.Exercises(id).Count(e => strength.ContainsKey(e.ExerciseType) && e.End - e.Start >= TimeSpan.FromMinutes(5)),
            await influx.CountAsync(stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS));
        Assert.Equal(sandbox.Weights(id).Count, await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg));
    }

    [Fact]
    public async Task Import_RunsLikeASync_ARunIsRecorded_AndTheCompletionHandlersSeeTheImportedSpan()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 30, Seed = 22 }, CancellationToken.None);
        var handler = new RecordingHandler();
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System, settings: new Dictionary<string, string?> { ["Fitbit:ExportWeightUnit"] = "lb" }, configureServices: services => services.AddSingleton<ISyncCompletedHandler>(handler));
        var id = await stack.AuthorizeAsync("kim", sandbox, TimeProvider.System);
        var sessions = sandbox.Exercises(id).Where(e => ActivityNames.ContainsKey(e.ExerciseType) && e.End - e.Start >= TimeSpan.FromMinutes(5)).ToList();
        var exported = WriteExport(sandbox, id, sessions);

        var (import, _) = await stack.ImportAsync("kim", _export.FullName);

        var run = Assert.Single(await stack.Services.GetRequiredService<ISyncRunLog>().ListLatestAsync("kim", CancellationToken.None));
        Assert.Equal((ProviderNames.Fitbit, SyncOutcome.Partial, sessions.Count + exported), (run.Provider, run.Outcome, run.Records));
        Assert.Equal(1, await influx.CountAsync(stack.Database, Measurements.SyncRun, F.SyncRun.Records, "\"user\" = 'kim'"));
        var completed = Assert.Single(handler.Completed);
        Assert.Equal(("kim", ProviderNames.Fitbit, import.Records), (completed.UserId, completed.Provider, completed.Records));
        var earliest = sandbox.Weights(id).Select(w => w.Time).Concat(sessions.Select(s => s.Start)).Min();
        Assert.Equal(earliest.ToUnixTimeSeconds(), completed.EarliestPoint!.Value.ToUnixTimeSeconds());
    }

    /// <summary>A Takeout-style "Global Export Data" folder of the sandbox's history: exercise in UTC, weigh-ins at local times in pounds.</summary>
    private int WriteExport(GoogleHealthSandbox sandbox, string id, IReadOnlyList<SandboxExercise> sessions)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_export.FullName, "Takeout", "Fitbit", "Global Export Data"));
        var exercises = new JsonArray();
        foreach (var session in sessions)
        {
            exercises.Add(new JsonObject
            {
                ["logId"] = long.Parse(session.Name[(session.Name.LastIndexOf('/') + 1)..][..12], CultureInfo.InvariantCulture),
                ["activityName"] = ActivityNames[session.ExerciseType],
                ["duration"] = (session.End - session.Start).TotalMilliseconds,
                ["startTime"] = session.Start.UtcDateTime.ToString("MM/dd/yy HH:mm:ss", CultureInfo.InvariantCulture),
                ["calories"] = session.CaloriesKcal,
                ["logType"] = "tracker",
            });
        }

        exercises.Add(new JsonObject { ["logId"] = 999, ["activityName"] = "Weights" });
        exercises.Add(new JsonObject { ["logId"] = 1000, ["activityName"] = "Walk", ["duration"] = 1_800_000, ["startTime"] = "11/01/26 08:00:00" });
        File.WriteAllText(Path.Combine(folder.FullName, "exercise-0.json"), exercises.ToJsonString());

        var fats = sandbox.BodyFats(id).ToDictionary(f => f.Time, f => f.Value);
        var weights = new JsonArray();
        foreach (var weight in sandbox.Weights(id))
        {
            var local = weight.Time.UtcDateTime + weight.UtcOffset;
            var entry = new JsonObject
            {
                ["logId"] = weight.Time.ToUnixTimeMilliseconds(),
                ["weight"] = Math.Round(weight.Value / 1000 / 0.45359237, 1),
                ["date"] = local.ToString("MM/dd/yy", CultureInfo.InvariantCulture),
                ["time"] = local.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                ["source"] = "Aria",
            };
            if (fats.TryGetValue(weight.Time, out var fat))
            {
                entry["fat"] = fat;
            }

            weights.Add(entry);
        }

        File.WriteAllText(Path.Combine(folder.FullName, "weight-2026-10-01.json"), weights.ToJsonString());
        return weights.Count;
    }

    private sealed class RecordingHandler : ISyncCompletedHandler
    {
        public List<SyncCompleted> Completed { get; } = [];

        public Task OnSyncCompletedAsync(SyncCompleted completed, CancellationToken cancellationToken)
        {
            Completed.Add(completed);
            return Task.CompletedTask;
        }
    }
}
