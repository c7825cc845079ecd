namespace LiverMuscle.Sync.Alerts.Reminders;

internal enum ReminderVerdict
{
    Remind,

    /// <summary>Recorded: the occasion is decided and not judged again.</summary>
    NotNeeded,

    /// <summary>Not recorded: judged again at the next check while the occasion lasts.</summary>
    NoData,
}
