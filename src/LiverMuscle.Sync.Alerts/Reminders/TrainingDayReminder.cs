using System.Globalization;
using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.State.Programmes;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>On a planned training day, at the training hour: no strength session of any source recorded that day yet.</summary>
internal sealed class TrainingDayReminder(AdherenceReader reader) : IReminder
{
    public ReminderKind Kind => ReminderKind.TrainingDay;

    public TimeOnly? TimeOf(Programme programme) => programme.TrainingDays.Count > 0 ? programme.EffectiveTrainingTime : null;

    public async Task<ReminderCheck?> CheckAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var programme = context.Programme;
        if (!programme.TrainingDays.Contains(context.Today.DayOfWeek))
        {
            return null;
        }

        var sessions = (await reader.ReadAsync(context.Person.Id, context.TodayStart, context.TomorrowStart, TimeSpan.Zero, cancellationToken)).Sessions.Count;
        if (sessions > 0)
        {
            return ReminderCheck.NotNeeded(string.Create(CultureInfo.InvariantCulture, $"{sessions} strength session(s) recorded today."));
        }

        var days = string.Join(", ", programme.TrainingDays.Select(ProgrammeChangeApplier.Abbreviation));
        return ReminderCheck.Remind(
            "Training day: no strength session recorded yet",
            string.Create(CultureInfo.InvariantCulture,
                $"Today, {context.Today.DayOfWeek} {ReminderContext.Date(context.Today)}, is one of your training days ({days}), and no strength session is recorded yet by {programme.EffectiveTrainingTime:HH:mm}."),
            "A session of any kind counts, from a device or logged by hand.");
    }
}
