namespace LiverMuscle.Sync.Alerts.Notifications;

public static class Disclaimer
{
    /// <summary>Part of every message.</summary>
    public const string Text =
        "These are notification thresholds you configured, not diagnoses. Discuss any result that concerns you with a clinician.";

    /// <summary>Part of every reminder.</summary>
    public const string Reminder =
        "This is a reminder of the programme you set, not medical advice. Discuss your training, diet and tests with a clinician.";

    public static string For(NotificationKind kind) => kind == NotificationKind.Reminder ? Reminder : Text;
}
