using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Normalization;
using System.Globalization;
using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.Alerts.Conditions;
using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.Markers.Catalog;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Summary;

/// <summary>The weekly summary of a user: last week's adherence, its trend against the week before, markers due for re-check.</summary>
internal sealed class WeeklySummaryBuilder(AdherenceService adherence, IUserStore users, LatestMarkerReader markers, IOptionsMonitor<AlertsOptions> options)
{
    public async Task<(DateOnly Week, AlertNotification Notification)> BuildAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = await users.GetTimeZoneAsync(userId, cancellationToken);
        var thisWeek = LocalCalendar.WeekStart(LocalCalendar.LocalDate(now, zone));
        var last = await adherence.ComputeWeekAsync(userId, LocalCalendar.StartOfDayUtc(thisWeek.AddDays(-7), zone), cancellationToken);
        var before = await adherence.ComputeWeekAsync(userId, LocalCalendar.StartOfDayUtc(thisWeek.AddDays(-14), zone), cancellationToken);
        var trend = last.ScorePct - before.ScorePct;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Week of {last.WeekStart:yyyy-MM-dd}: {last.Sessions} of {last.SessionsGoal} resistance sessions ({last.ResistanceMinutes} min); protein goal of {last.ProteinGoalGPerKg} g/kg met on {last.ProteinDaysMet} of {last.ProteinDaysLogged} logged days."),
            string.Create(CultureInfo.InvariantCulture,
                $"Adherence score {last.ScorePct} % ({(trend >= 0 ? "up" : "down")} {Math.Abs(Math.Round(trend, 1))} points from {before.ScorePct} % the week before)."),
        };

        var recheck = options.CurrentValue.WeeklySummary.RecheckAfter;
        var due = (await markers.LatestTimesAsync(userId, cancellationToken))
            .Where(m => m.Key != MarkerIds.Fib4 && now - m.Value >= recheck)
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} (last {m.Value:yyyy-MM-dd})"))
            .ToList();
        lines.Add(due.Count == 0 ? "No marker is due for a re-check." : "Due for a re-check: " + string.Join(", ", due) + ".");

        var key = MessageComposer.Key("weekly-summary", userId, thisWeek.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var subject = string.Create(CultureInfo.InvariantCulture, $"Weekly summary for {userId}, week of {last.WeekStart:yyyy-MM-dd}");
        return (thisWeek, MessageComposer.Build(key, NotificationKind.WeeklySummary, "weekly-summary", userId, "summary", last.ScorePct, null, subject, lines, now));
    }
}
