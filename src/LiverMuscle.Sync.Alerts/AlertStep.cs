using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Alerts;

/// <summary>
/// The state to persist, the transition to record in <c>alert_event</c> (null: none) and the notification owed (null: none).
/// <paramref name="Previous"/> is the state before the step.
/// </summary>
internal sealed record AlertStep(AlertState State, AlertStatus? Transition, NotificationKind? Notification, AlertState Previous);
