namespace LiverMuscle.Sync.State.Programmes;

/// <summary>What became of a reminder's occasion.</summary>
public enum ReminderOutcome
{
    /// <summary>At least one notifier delivered it.</summary>
    Sent,

    /// <summary>When it was due there was nothing to remind of (e.g. a session was already recorded).</summary>
    NotNeeded,
}
