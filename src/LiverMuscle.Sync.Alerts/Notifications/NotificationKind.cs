namespace LiverMuscle.Sync.Alerts.Notifications;

public enum NotificationKind
{
    Firing,
    Repeat,
    Resolved,
    Test,
    WeeklySummary,
    Reminder,
}
