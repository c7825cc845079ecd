namespace LiverMuscle.Sync.Alerts.Notifications;

/// <summary>
/// One message to deliver. <paramref name="IdempotencyKey"/> is the same for every attempt to deliver the same
/// notification (retries, a re-send after a crash), so a receiver can drop duplicates.
/// </summary>
public sealed record AlertNotification(
    string IdempotencyKey,
    NotificationKind Kind,
    string RuleId,
    string UserId,
    string Status,
    double? Value,
    double? Threshold,
    string Subject,
    string Text,
    string Html,
    DateTimeOffset Time);
