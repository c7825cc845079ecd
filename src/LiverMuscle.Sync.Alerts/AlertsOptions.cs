using LiverMuscle.Sync.Alerts.Notifications.Email;
using LiverMuscle.Sync.Alerts.Notifications.Webhook;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.Alerts.Summary;

namespace LiverMuscle.Sync.Alerts;

/// <summary>Section <c>Alerts</c>: rules, notifiers, how often rules are evaluated and the weekly summary.</summary>
public sealed class AlertsOptions
{
    /// <summary>Time between evaluations of every rule. Default 5 minutes.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(5);

    public List<AlertRuleOptions> Rules { get; set; } = [];

    /// <summary>Webhook notifiers by name.</summary>
    public Dictionary<string, WebhookOptions> Webhooks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>E-mail notifiers by name.</summary>
    public Dictionary<string, EmailOptions> Email { get; set; } = new(StringComparer.Ordinal);

    public WeeklySummaryOptions WeeklySummary { get; set; } = new();
}
