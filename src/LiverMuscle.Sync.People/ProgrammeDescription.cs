using System.Globalization;
using System.Text;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.State.Programmes;

namespace LiverMuscle.Sync.People;

/// <summary>A person's programme as <c>people show</c> prints it: each reminder, its hour, and the notifiers reminders go through.</summary>
public static class ProgrammeDescription
{
    public static string Describe(Programme programme, TimeZoneInfo zone, IReadOnlyList<string> notifiers)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"  reminder hour: {programme.EffectiveTrainingTime:HH:mm}{(programme.TrainingTime is null ? " (default)" : string.Empty)}");
        text.AppendLine(programme.TrainingDays.Count == 0
            ? "  training days: none"
            : $"  training days: {string.Join(", ", programme.TrainingDays.Select(ProgrammeChangeApplier.Abbreviation))} (a reminder when no strength session is recorded by the reminder hour)");
        text.AppendLine(programme.SelfTestSince is { } since
            ? $"  monthly self-test reminder: on since {LocalCalendar.LocalDate(since, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : "  monthly self-test reminder: off");
        text.AppendLine(programme.EffectiveRecheckIntervalDays == 0
            ? "  re-check reminder: off"
            : string.Create(CultureInfo.InvariantCulture,
                $"  re-check reminder: {programme.EffectiveRecheckIntervalDays} days after the latest blood work or scan{(programme.RecheckIntervalDays is null ? " (default)" : string.Empty)}"));
        text.AppendLine(programme.ProteinReminderTime is { } protein
            ? string.Create(CultureInfo.InvariantCulture,
                $"  protein reminder: at {protein:HH:mm} when today's protein is below {programme.EffectiveProteinReminderBelow * 100} % of the goal{(programme.ProteinReminderBelow is null ? " (default)" : string.Empty)}")
            : "  protein reminder: off");
        text.AppendLine(notifiers.Count == 0
            ? "  reminders go through: no notifier (name them under Alerts:Reminders:Notifiers)"
            : $"  reminders go through: {string.Join(", ", notifiers)}");
        return text.ToString();
    }
}
