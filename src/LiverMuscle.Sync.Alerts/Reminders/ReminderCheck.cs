namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>What a reminder found for today's occasion: remind (with what to say), nothing to remind of, or no data to judge.</summary>
internal sealed record ReminderCheck(ReminderVerdict Verdict, string Subject, IReadOnlyList<string> Lines, double? Value = null, double? Threshold = null)
{
    public static ReminderCheck NotNeeded(string why) => new(ReminderVerdict.NotNeeded, string.Empty, [why]);

    public static ReminderCheck NoData(string why) => new(ReminderVerdict.NoData, string.Empty, [why]);

    public static ReminderCheck Remind(string subject, params string[] lines) => new(ReminderVerdict.Remind, subject, lines);
}
