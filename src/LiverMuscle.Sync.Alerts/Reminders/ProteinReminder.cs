using System.Globalization;
using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.State.Programmes;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>
/// Every day at the protein reminder hour: today's protein (the largest daily total of any source, 0 when none is
/// logged) below the chosen fraction of the goal, g/kg × the latest weight.
/// </summary>
internal sealed class ProteinReminder(AdherenceReader reader, AdherenceGoalResolver goals, IOptionsMonitor<AdherenceOptions> adherence) : IReminder
{
    public ReminderKind Kind => ReminderKind.Protein;

    public TimeOnly? TimeOf(Programme programme) => programme.ProteinReminderTime;

    public async Task<ReminderCheck?> CheckAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var lookback = adherence.CurrentValue.WeightLookback;
        var data = await reader.ReadAsync(context.Person.Id, context.TodayStart, context.TomorrowStart, lookback, cancellationToken);
        var weight = data.WeightBefore(context.Now);
        if (weight <= 0)
        {
            return ReminderCheck.NoData(string.Create(CultureInfo.InvariantCulture, $"No weight in the last {lookback.TotalDays} days: the protein goal in grams is not known."));
        }

        var perKg = (await goals.GoalsOfAsync(context.Person.Id, cancellationToken)).ProteinGPerKgPerDay;
        var below = context.Programme.EffectiveProteinReminderBelow;
        var logged = data.Protein.Select(p => p.ProteinG).DefaultIfEmpty(0).Max();
        var (protein, goal, threshold) = (Math.Round(logged), Math.Round(perKg * weight), Math.Round(below * perKg * weight));
        if (logged >= below * perKg * weight)
        {
            return ReminderCheck.NotNeeded(string.Create(CultureInfo.InvariantCulture, $"{protein} g of protein logged today, at least {threshold} g."));
        }

        return ReminderCheck.Remind(
            string.Create(CultureInfo.InvariantCulture, $"Protein: {protein} g of {goal} g logged today"),
            string.Create(CultureInfo.InvariantCulture,
                $"{protein} g of protein is logged today by {context.Programme.ProteinReminderTime:HH:mm}; your goal is {goal} g ({perKg} g/kg × {Math.Round(weight, 1)} kg), and this reminder comes below {below * 100} % of it ({threshold} g)."),
            "A meal or snack with protein still counts today; log it where you log your food.") with { Value = protein, Threshold = threshold };
    }
}
