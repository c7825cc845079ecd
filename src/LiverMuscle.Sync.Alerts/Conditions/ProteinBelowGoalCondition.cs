using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Normalization;
using System.Globalization;
using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.Alerts.Rules;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Conditions;

internal sealed class ProteinBelowGoalCondition(IUserStore users, AdherenceReader reader, AdherenceGoalResolver goals, IOptionsMonitor<AdherenceOptions> options) : IRuleCondition
{
    public AlertRuleKind Kind => AlertRuleKind.ProteinBelowGoal;

    public async Task<Evaluation?> EvaluateAsync(AlertRuleOptions rule, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = await users.GetTimeZoneAsync(userId, cancellationToken);
        var days = rule.Days ?? 3;
        var today = LocalCalendar.LocalDate(now, zone);
        var first = today.AddDays(-days);
        var data = await reader.ReadAsync(userId, LocalCalendar.StartOfDayUtc(first, zone), LocalCalendar.StartOfDayUtc(today, zone), options.CurrentValue.WeightLookback, cancellationToken);
        var perKg = new List<double>();
        foreach (var (day, protein) in data.Protein)
        {
            var dayEnd = LocalCalendar.StartOfDayUtc(LocalCalendar.LocalDate(day, zone).AddDays(1), zone);
            var weight = data.WeightBefore(dayEnd);
            if (weight > 0)
            {
                perKg.Add(protein / weight);
            }
        }

        if (perKg.Count == 0)
        {
            return null;
        }

        var average = Math.Round(perKg.Average(), 2);
        var goal = rule.Threshold ?? (await goals.GoalsOfAsync(userId, cancellationToken)).ProteinGPerKgPerDay;
        return new Evaluation(average < goal, average, goal,
            string.Create(CultureInfo.InvariantCulture, $"Protein averaged {average} g/kg/day over the last {days} day(s) ({perKg.Count} logged); goal {goal} g/kg/day."));
    }
}
