namespace LiverMuscle.Sync.Alerts.Notifications;

public static class Disclaimer
{
    /// <summary>Part of every message.</summary>
    public const string Text =
        "These are notification thresholds you configured, not diagnoses. Discuss any result that concerns you with a clinician.";
}
