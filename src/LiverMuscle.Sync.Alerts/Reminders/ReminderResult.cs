using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.State.Programmes;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>What one check of a person's reminder occasion found and did.</summary>
internal sealed record ReminderResult(string PersonId, ReminderKind Kind, DateOnly Date, ReminderVerdict? Verdict, bool Delivered, AlertNotification? Notification, string? Error = null);
