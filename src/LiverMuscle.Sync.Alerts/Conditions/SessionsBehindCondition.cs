using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Normalization;
using System.Globalization;
using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.Alerts.Rules;

namespace LiverMuscle.Sync.Alerts.Conditions;

internal sealed class SessionsBehindCondition(IUserStore users, AdherenceReader reader, AdherenceGoalResolver goals) : IRuleCondition
{
    public AlertRuleKind Kind => AlertRuleKind.SessionsBehind;

    public async Task<Evaluation?> EvaluateAsync(AlertRuleOptions rule, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = await users.GetTimeZoneAsync(userId, cancellationToken);
        var today = LocalCalendar.LocalDate(now, zone);
        var monday = LocalCalendar.WeekStart(today);
        var goal = rule.Threshold ?? (await goals.GoalsOfAsync(userId, cancellationToken)).SessionsPerWeek;
        var data = await reader.ReadAsync(userId, LocalCalendar.StartOfDayUtc(monday, zone), now.AddSeconds(1), TimeSpan.Zero, cancellationToken);
        var sessions = data.Sessions.Count;
        var judged = today.DayNumber - monday.DayNumber >= ((int)rule.Weekday + 6) % 7;
        var weekday = rule.Weekday.ToString();
        return new Evaluation(judged && sessions < goal, sessions, goal,
            string.Create(CultureInfo.InvariantCulture, $"{sessions} resistance session(s) this week by {weekday}; goal {goal}."));
    }
}
