using System.Globalization;
using LiverMuscle.Sync.Dashboards.Queries;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>
/// Nine weeks of history for two users in the schema of design.md, built with the product's
/// <see cref="PointBuilder"/>, ending at the real current time (some panels use <c>now() - 7d</c>). Every point it
/// writes is also kept so tests can compute what a panel must show.
/// </summary>
internal sealed class SeededHistory
{
    public const string Alice = "alice";
    public const string Bob = "bob";

    public SeededHistory(DateTimeOffset now)
    {
        Now = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var today = Now.Date;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        Start = new DateTimeOffset(monday.AddDays(-56), TimeSpan.Zero);
        Build();
    }

    /// <summary>The hour the history ends (the current hour, UTC).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Monday 00:00 UTC, eight weeks before the current week.</summary>
    public DateTimeOffset Start { get; }

    public List<Point> Points { get; } = [];

    public List<(string User, DateTimeOffset Time, long DurationS)> Sessions { get; } = [];

    public List<(string User, string Provider, string Outcome, DateTimeOffset Time, long Records, long Rejected)> Runs { get; } = [];

    public List<(string User, DateTimeOffset Time, double WeightKg)> WeighIns { get; } = [];

    private void Build()
    {
        for (var week = 0; week < 8; week++)
        {
            var monday = Start.AddDays(7 * week);
            AddSession(Alice, monday.AddHours(18), 45 + week);
            AddSession(Alice, monday.AddDays(3).AddHours(18), 50);
            if (week % 3 == 0)
            {
                AddSession(Alice, monday.AddDays(5).AddHours(10), 30);
            }

            AddSession(Bob, monday.AddDays(2).AddHours(7), 40);
            AddWeek(Alice, monday, week);
            AddWeek(Bob, monday, week);
        }

        AddSession(Alice, Now.AddDays(-1).AddMinutes(-30), 60);
        AddSession(Alice, Now.AddDays(-3).AddMinutes(-30), 55);

        for (var day = 0; Start.AddDays(day) <= Now; day++)
        {
            var midnight = Start.AddDays(day);
            AddNutrition(Alice, midnight, 80 + day % 5 * 10);
            AddNutrition(Bob, midnight, 60 + day % 3 * 5);
            if (midnight.AddHours(7) <= Now)
            {
                AddWeighIn(Alice, midnight.AddHours(7), 84 - 0.02 * day, 29 - 0.02 * day);
                if (day % 2 == 0)
                {
                    AddWeighIn(Bob, midnight.AddHours(7), 71 + 0.01 * day, 22);
                }
            }
        }

        foreach (var (offset, step) in new[] { (1, 0), (29, 1), (50, 2) })
        {
            var time = Start.AddDays(offset).AddHours(9);
            AddMarker(Alice, MarkerNames.Alt, 48 - 6 * step, "U/L", time);
            AddMarker(Alice, MarkerNames.Ast, 36 - 3 * step, "U/L", time);
            AddMarker(Alice, MarkerNames.Ggt, 55 - 5 * step, "U/L", time);
            AddMarker(Alice, MarkerNames.Fib4, 1.6 - 0.2 * step, "1", time);
            AddMarker(Alice, MarkerNames.Cap, 290 - 15 * step, "dB/m", time);
            AddMarker(Alice, MarkerNames.LiverStiffness, 8.5 - 0.5 * step, "kPa", time);
            AddMarker(Alice, MarkerNames.GripStrength, 30 + step, "kg", time);
            AddMarker(Alice, MarkerNames.ChairStand5x, 14 - step, "s", time);
            AddMarker(Bob, MarkerNames.Alt, 22, "U/L", time);
            AddMarker(Bob, MarkerNames.Fib4, 0.9, "1", time);
            AddMarker(Bob, MarkerNames.Cap, 230, "dB/m", time);
        }

        AddAlert(Alice, Start.AddDays(10), "firing", "ALT above the upper reference limit (not a diagnosis)");
        AddAlert(Alice, Start.AddDays(30), "resolved", "ALT back under the upper reference limit");

        for (var run = 0; run < 28; run++)
        {
            var time = Now.AddHours(-6 * run);
            var outcome = run == 3 ? "failed" : run == 7 ? "partial" : "ok";
            AddRun(Alice, "withings", outcome, time, outcome == "failed" ? 0 : 10 + run, run == 7 ? 2 : 0, 120 - run, false);
            AddRun(Bob, "fitbit", run % 4 == 0 ? "failed" : "ok", time.AddMinutes(5), run % 4 == 0 ? 0 : 5, 0, 140, run < 4);
        }
    }

    private void AddSession(string user, DateTimeOffset start, int minutes)
    {
        Sessions.Add((user, start, minutes * 60L));
        Points.Add(PointBuilder.For(Measurements.StrengthSession)
            .Tag(TagNames.User, user).Tag(TagNames.Source, Sources.Withings).Tag(TagNames.Kind, SessionKinds.Weights)
            .Field(F.StrengthSession.DurationS, minutes * 60L)
            .Field(F.StrengthSession.ActiveDurationS, minutes * 48L)
            .Field(F.StrengthSession.CaloriesKcal, minutes * 6L)
            .At(start).Build());
    }

    private void AddWeek(string user, DateTimeOffset monday, int week)
    {
        var sessions = Sessions.Count(s => s.User == user && s.Time >= monday && s.Time < monday.AddDays(7));
        var proteinDays = user == Alice ? 5 - week % 2 : 2;
        var score = (Math.Min(sessions, 2) / 2.0 + proteinDays / 7.0) / 2 * 100;
        Points.Add(PointBuilder.For(Measurements.AdherenceWeekly)
            .Tag(TagNames.User, user)
            .Field(F.AdherenceWeekly.Sessions, (long)sessions)
            .Field(F.AdherenceWeekly.SessionsGoal, 2L)
            .Field(F.AdherenceWeekly.ResistanceMin, Sessions.Where(s => s.User == user && s.Time >= monday && s.Time < monday.AddDays(7)).Sum(s => s.DurationS) / 60.0)
            .Field(F.AdherenceWeekly.ProteinDaysMet, (long)proteinDays)
            .Field(F.AdherenceWeekly.ProteinDaysLogged, 7L)
            .Field(F.AdherenceWeekly.ProteinGoalGPerKg, 1.2)
            .Field(F.AdherenceWeekly.ScorePct, Math.Round(score, 1))
            .Field(F.AdherenceWeekly.LocalDate, monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .At(monday).Build());
    }

    private void AddNutrition(string user, DateTimeOffset midnight, double proteinG) =>
        Points.Add(PointBuilder.For(Measurements.NutritionDaily)
            .Tag(TagNames.User, user).Tag(TagNames.Source, Sources.Fitbit)
            .Field(F.NutritionDaily.ProteinG, proteinG)
            .Field(F.NutritionDaily.EnergyKcal, 2100.0)
            .Field(F.NutritionDaily.Entries, 5L)
            .Field(F.NutritionDaily.LocalDate, midnight.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .At(midnight).Build());

    private void AddWeighIn(string user, DateTimeOffset time, double weight, double fatRatio)
    {
        WeighIns.Add((user, time, Math.Round(weight, 2)));
        var fatFree = weight * (1 - fatRatio / 100);
        Points.Add(PointBuilder.For(Measurements.BodyComposition)
            .Tag(TagNames.User, user).Tag(TagNames.Source, Sources.Withings)
            .Field(F.BodyComposition.WeightKg, Math.Round(weight, 2))
            .Field(F.BodyComposition.FatRatioPct, Math.Round(fatRatio, 2))
            .Field(F.BodyComposition.FatFreeMassKg, Math.Round(fatFree, 2))
            .Field(F.BodyComposition.MuscleMassKg, Math.Round(fatFree * 0.94, 2))
            .At(time).Build());
    }

    private void AddMarker(string user, string marker, double value, string unit, DateTimeOffset time) =>
        Points.Add(PointBuilder.For(Measurements.HealthMarker)
            .Tag(TagNames.User, user).Tag(TagNames.Marker, marker).Tag(TagNames.Source, Sources.Lab)
            .Field(F.HealthMarker.Value, value)
            .Field(F.HealthMarker.Unit, unit)
            .At(time).Build());

    private void AddAlert(string user, DateTimeOffset time, string state, string message) =>
        Points.Add(PointBuilder.For(Measurements.AlertEvent)
            .Tag(TagNames.User, user).Tag(TagNames.Rule, "alt_high").Tag(TagNames.State, state)
            .Field(F.AlertEvent.Value, 48.0)
            .Field(F.AlertEvent.Threshold, 33.0)
            .Field(F.AlertEvent.Message, message)
            .At(time).Build());

    private void AddRun(string user, string provider, string outcome, DateTimeOffset time, long records, long rejected, long budgetRemaining, bool needsReauthorization)
    {
        Runs.Add((user, provider, outcome, time, records, rejected));
        Points.Add(PointBuilder.For(Measurements.SyncRun)
            .Tag(TagNames.User, user).Tag(TagNames.Provider, provider).Tag(TagNames.Outcome, outcome)
            .Field(F.SyncRun.Records, records)
            .Field(F.SyncRun.Requests, 3L)
            .Field(F.SyncRun.Rejected, rejected)
            .Field(F.SyncRun.DurationMs, 850L)
            .Field(F.SyncRun.Error, outcome == "ok" ? null : $"{provider} answered 503")
            .At(time).Build());
        Points.Add(PointBuilder.For(Measurements.SyncHealth)
            .Tag(TagNames.User, user).Tag(TagNames.Provider, provider)
            .Field(F.SyncHealth.TokenExpiresInS, 10_800L)
            .Field(F.SyncHealth.NeedsReauthorization, needsReauthorization)
            .Field(F.SyncHealth.BudgetRemaining, budgetRemaining)
            .Field(F.SyncHealth.BudgetLimit, 150L)
            .Field(F.SyncHealth.SpoolDepth, time == Now ? 2L : 0L)
            .At(time).Build());
    }
}
