using LiverMuscle.Sync.Alerts.Conditions;
using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Alerts;

/// <summary>What one evaluation of a (rule, user) found and did (or, in a dry run, would do).</summary>
public sealed record AlertOutcome(
    string RuleId,
    string UserId,
    AlertStatus Before,
    AlertStatus After,
    Evaluation? Evaluation,
    NotificationKind? Notification,
    bool Delivered,
    string? Error);
