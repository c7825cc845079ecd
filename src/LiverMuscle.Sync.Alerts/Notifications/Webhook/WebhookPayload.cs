using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Alerts.Notifications.Webhook;

/// <summary>The default webhook body.</summary>
internal sealed record WebhookPayload(
    string IdempotencyKey,
    string Kind,
    string Rule,
    string User,
    string Status,
    double? Value,
    double? Threshold,
    string Subject,
    string Text,
    DateTimeOffset Time,
    string Disclaimer);
