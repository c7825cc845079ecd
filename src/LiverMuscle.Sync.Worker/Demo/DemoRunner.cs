using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth;
using LiverMuscle.Sync.Providers.Withings;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Commands;
using LiverMuscle.Sync.Worker.Preview;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Demo;

/// <summary>
/// Runs the demo: the <see cref="DemoEnvironment"/>, a backfill of both providers, then what the sandboxes served next
/// to what InfluxQL counts.
/// </summary>
internal static class DemoRunner
{
    public static async Task<int> RunAsync(ParseResult parse, string userId, int days, bool timed, TextWriter output, CancellationToken cancellationToken)
    {
        if (days is < 1 or > PreviewRunner.MaxDays)
        {
            return await VerbOutput.FailAsync(ExitCodes.Usage, $"--days must be between 1 and {PreviewRunner.MaxDays}, got {days}.");
        }

        var clock = Stopwatch.StartNew();
        using var timings = timed ? new DemoTimings() : null;
        await using var demo = await DemoEnvironment.StartAsync(parse, userId, days, output, timings, cancellationToken);
        var summaries = await demo.BackfillAsync(days, output, cancellationToken);
        timings?.EndPhase("backfill, both at once");
        var bloodWork = await demo.AddBloodWorkAsync(days, cancellationToken);
        timings?.EndPhase("blood work and derived");
        var alerts = await demo.EvaluateAlertsAsync(cancellationToken);
        timings?.EndPhase("alert rules");

        var services = demo.Services;
        var influx = services.GetRequiredService<IOptions<InfluxDbOptions>>().Value;
        var withingsOptions = services.GetRequiredService<IOptions<WithingsOptions>>().Value;
        var fitbit = services.GetRequiredService<IOptions<FitbitOptions>>().Value;
        var count = new Counter(services.GetRequiredService<IInfluxQueryClient>(), userId);
        var (withings, google) = (demo.Withings, demo.Google);
        await output.WriteLineAsync($"What landed in database '{influx.Database}' at {influx.Url} (served by the sandbox / counted in InfluxDB):");
        await WriteRowAsync(output, "withings weigh-ins", withings.Groups(demo.WithingsUserId).Count(g => g.IsOwn),
            await count.CountAsync(Sources.Withings, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg, cancellationToken));
        await WriteRowAsync(output, "withings strength sessions", withings.Workouts(demo.WithingsUserId).Count(w => withingsOptions.WorkoutCategories.ContainsKey(w.Category) && w.Duration >= withingsOptions.MinimumSessionDuration),
            await count.CountAsync(Sources.Withings, Measurements.StrengthSession, FieldNames.StrengthSession.DurationS, cancellationToken));
        await WriteRowAsync(output, "fitbit strength sessions", google.Exercises(demo.HealthUserId).Count(e => fitbit.StrengthExerciseTypes.ContainsKey(e.ExerciseType) && e.End - e.Start >= fitbit.MinimumSessionDuration),
            await count.CountAsync(Sources.Fitbit, Measurements.StrengthSession, FieldNames.StrengthSession.DurationS, cancellationToken));
        await WriteRowAsync(output, "fitbit nutrition days", google.NutritionLogs(demo.HealthUserId).Select(n => DateOnly.FromDateTime(n.Start.UtcDateTime + n.UtcOffset)).Distinct().Count(),
            await count.CountAsync(Sources.Fitbit, Measurements.NutritionDaily, FieldNames.NutritionDaily.ProteinG, cancellationToken));
        await WriteRowAsync(output, "fitbit weigh-ins", google.Weights(demo.HealthUserId).Count,
            await count.CountAsync(Sources.Fitbit, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg, cancellationToken));
        var derived = await count.CountAsync(Sources.Computed, Measurements.HealthMarker, FieldNames.HealthMarker.Value, cancellationToken);
        var weeks = await count.CountAsync(null, Measurements.AdherenceWeekly, FieldNames.AdherenceWeekly.ScorePct, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Blood work, scans and strength tests: {bloodWork.Stored} values stored ({bloodWork.Errors.Count} refused); derived values (FIB-4, muscle mass index): {derived}."));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Weekly adherence computed after the syncs: {weeks} weeks."));
        await output.WriteLineAsync("Alert rules after one evaluation (notification thresholds, not diagnoses):");
        foreach (var outcome in alerts)
        {
            await output.WriteLineAsync($"  {outcome.RuleId,-24} {outcome.After.ToString().ToLowerInvariant()}{(outcome.Evaluation is { } e ? " — " + e.Summary : string.Empty)}");
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Requests used: {summaries.Sum(s => s.Requests)} (Withings allows {WithingsServiceCollectionExtensions.RateLimit.PerApplication} per minute per application, Google Health 300 per minute per user); done in {clock.Elapsed.TotalSeconds:F1} s."));
        if (timings is not null)
        {
            timings.EndPhase("report");
            await timings.WriteAsync(output, new Dictionary<int, string>
            {
                [influx.Url.Port] = "InfluxDB",
                [withings.BaseUrl.Port] = "Withings",
                [google.BaseUrl.Port] = "Google Health",
            });
        }

        return summaries.Any(s => s.Outcome == SyncOutcome.Failed) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static Task WriteRowAsync(TextWriter output, string label, long served, long counted) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {label,-28} {served,6} / {counted,6}"));

    private sealed class Counter(IInfluxQueryClient query, string userId)
    {
        public async Task<long> CountAsync(string? source, string measurement, string field, CancellationToken cancellationToken)
        {
            var bySource = source is null ? string.Empty : $" AND {InfluxQl.Identifier(TagNames.Source)} = {InfluxQl.Literal(source)}";
            var result = await query.QueryAsync(
                $"SELECT count({InfluxQl.Identifier(field)}) FROM {InfluxQl.Identifier(measurement)} WHERE {InfluxQl.Identifier(TagNames.User)} = {InfluxQl.Literal(userId)}{bySource}",
                cancellationToken);
            return result.Series.Count == 0 ? 0 : result.Series[0].Values[0][1].GetInt64();
        }
    }
}
