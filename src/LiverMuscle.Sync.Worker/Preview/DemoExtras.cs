using System.Globalization;
using LiverMuscle.Sync.Dashboards.Queries;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Worker.Preview;

/// <summary>
/// What the other components would have written next to the demo history, so every preview panel has data:
/// weekly adherence derived from the demo's sessions, protein and weight; FIB-4 from its blood work plus CAP,
/// stiffness and strength tests; alert transitions for ALT; sync runs and connection health.
/// </summary>
internal static class DemoExtras
{
    private const double ProteinGoal = 1.2;
    private const int Age = 52;

    public static IEnumerable<Point> For(string user, IReadOnlyList<Point> history, DateTimeOffset now)
    {
        return Weekly(user, history).Concat(Markers(user, history)).Concat(Alerts(user, history)).Concat(Syncs(user, now));
    }

    private static IEnumerable<Point> Weekly(string user, IReadOnlyList<Point> history)
    {
        var sessions = history.Where(p => p.Measurement == Measurements.StrengthSession).ToList();
        var weights = history.Where(p => p.Measurement == Measurements.BodyComposition).OrderBy(p => p.Timestamp).ToList();
        var days = history.Where(p => p.Measurement == Measurements.NutritionDaily).ToList();
        foreach (var week in days.GroupBy(d => Monday(d.Timestamp)).OrderBy(g => g.Key))
        {
            var end = week.Key.AddDays(7);
            var count = sessions.Count(s => s.Timestamp >= week.Key && s.Timestamp < end);
            var minutes = sessions.Where(s => s.Timestamp >= week.Key && s.Timestamp < end).Sum(s => s.Fields[F.StrengthSession.DurationS].Integer) / 60.0;
            var met = week.Count(day => weights.LastOrDefault(w => w.Timestamp <= day.Timestamp.AddDays(1)) is { } w
                && day.Fields[F.NutritionDaily.ProteinG].Number / w.Fields[F.BodyComposition.WeightKg].Number >= ProteinGoal);
            var score = (Math.Min(count, 2) / 2.0 + met / 7.0) / 2 * 100;
            yield return PointBuilder.For(Measurements.AdherenceWeekly)
                .Tag(TagNames.User, user)
                .Field(F.AdherenceWeekly.Sessions, (long)count)
                .Field(F.AdherenceWeekly.SessionsGoal, 2L)
                .Field(F.AdherenceWeekly.ResistanceMin, minutes)
                .Field(F.AdherenceWeekly.ProteinDaysMet, (long)met)
                .Field(F.AdherenceWeekly.ProteinDaysLogged, (long)week.Count())
                .Field(F.AdherenceWeekly.ProteinGoalGPerKg, ProteinGoal)
                .Field(F.AdherenceWeekly.ScorePct, Math.Round(score, 1))
                .Field(F.AdherenceWeekly.LocalDate, week.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .At(week.Key)
                .Build();
        }
    }

    private static IEnumerable<Point> Markers(string user, IReadOnlyList<Point> history)
    {
        var bloodWork = history.Where(p => p.Measurement == Measurements.HealthMarker).GroupBy(p => p.Timestamp).OrderBy(g => g.Key).ToList();
        for (var i = 0; i < bloodWork.Count; i++)
        {
            var values = bloodWork[i].ToDictionary(p => p.Tags[TagNames.Marker], p => p.Fields[F.HealthMarker.Value].Number);
            var time = bloodWork[i].Key;
            if (values.TryGetValue(MarkerNames.Ast, out var ast) && values.TryGetValue(MarkerNames.Alt, out var alt) && values.TryGetValue(MarkerNames.Platelets, out var platelets))
            {
                yield return Marker(user, MarkerNames.Fib4, Math.Round(Age * ast / (platelets * Math.Sqrt(alt)), 2), "1", Sources.Computed, time);
            }

            yield return Marker(user, MarkerNames.Cap, 285 - 12 * i, "dB/m", Sources.Manual, time);
            yield return Marker(user, MarkerNames.LiverStiffness, Math.Round(8.6 - 0.4 * i, 1), "kPa", Sources.Manual, time);
            yield return Marker(user, MarkerNames.GripStrength, 29 + i, "kg", Sources.Manual, time.AddDays(2));
            yield return Marker(user, MarkerNames.ChairStand5x, Math.Round(14.5 - 0.6 * i, 1), "s", Sources.Manual, time.AddDays(2));
        }
    }

    private static IEnumerable<Point> Alerts(string user, IReadOnlyList<Point> history)
    {
        var firing = false;
        foreach (var alt in history.Where(p => p.Measurement == Measurements.HealthMarker && p.Tags[TagNames.Marker] == MarkerNames.Alt).OrderBy(p => p.Timestamp))
        {
            var value = alt.Fields[F.HealthMarker.Value].Number;
            if (value > 33 == firing)
            {
                continue;
            }

            firing = value > 33;
            yield return PointBuilder.For(Measurements.AlertEvent)
                .Tag(TagNames.User, user).Tag(TagNames.Rule, "alt_above_limit").Tag(TagNames.State, firing ? "firing" : "resolved")
                .Field(F.AlertEvent.Value, value)
                .Field(F.AlertEvent.Threshold, 33.0)
                .Field(F.AlertEvent.Message, firing ? $"ALT {value} U/L is above 33 U/L (a reference value, not a diagnosis)" : $"ALT {value} U/L is back under 33 U/L")
                .At(alt.Timestamp.AddHours(1))
                .Build();
        }
    }

    private static IEnumerable<Point> Syncs(string user, DateTimeOffset now)
    {
        var end = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        for (var run = 0; run < 14 * 4; run++)
        {
            var time = end.AddHours(-6 * run);
            var outcome = run % 17 == 5 ? "failed" : run % 11 == 3 ? "partial" : "ok";
            yield return PointBuilder.For(Measurements.SyncRun)
                .Tag(TagNames.User, user).Tag(TagNames.Provider, "withings").Tag(TagNames.Outcome, outcome)
                .Field(F.SyncRun.Records, outcome == "failed" ? 0L : 3 + run % 5)
                .Field(F.SyncRun.Requests, 2L + run % 3)
                .Field(F.SyncRun.Rejected, outcome == "partial" ? 1L : 0L)
                .Field(F.SyncRun.DurationMs, 600L + 40 * (run % 9))
                .Field(F.SyncRun.Error, outcome == "ok" ? null : "withings answered 503 (service unavailable)")
                .At(time)
                .Build();
            yield return PointBuilder.For(Measurements.SyncHealth)
                .Tag(TagNames.User, user).Tag(TagNames.Provider, "withings")
                .Field(F.SyncHealth.TokenExpiresInS, 10_800L - 600 * (run % 6))
                .Field(F.SyncHealth.NeedsReauthorization, false)
                .Field(F.SyncHealth.BudgetRemaining, 120L - run % 40)
                .Field(F.SyncHealth.BudgetLimit, 120L)
                .Field(F.SyncHealth.SpoolDepth, run % 17 == 5 ? 1L : 0L)
                .At(time)
                .Build();
        }
    }

    private static Point Marker(string user, string marker, double value, string unit, string source, DateTimeOffset time) =>
        PointBuilder.For(Measurements.HealthMarker)
            .Tag(TagNames.User, user).Tag(TagNames.Marker, marker).Tag(TagNames.Source, source)
            .Field(F.HealthMarker.Value, value)
            .Field(F.HealthMarker.Unit, unit)
            .At(time)
            .Build();

    private static DateTimeOffset Monday(DateTimeOffset time)
    {
        var day = time.Date.AddDays(-(((int)time.DayOfWeek + 6) % 7));
        return new DateTimeOffset(day, time.Offset);
    }
}
