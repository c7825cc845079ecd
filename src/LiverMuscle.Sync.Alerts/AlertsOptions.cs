using LiverMuscle.Sync.Alerts.Notifications.Email;
using LiverMuscle.Sync.Alerts.Notifications.Webhook;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.Alerts.Summary;
using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Alerts;

/// <summary>Section <c>Alerts</c>: rules, notifiers, how often rules are evaluated and the weekly summary.</summary>
public sealed class AlertsOptions
{
    /// <summary>Time between evaluations of every rule. Default 5 minutes.</summary>
    [DurationRange("00:00:10")]
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(5);

#pragma warning disable SYSLIB1213 // Validated by AlertsOptionsValidator, each rule under its own key Alerts:Rules:N.
    public List<AlertRuleOptions> Rules { get; set; } = [];
#pragma warning restore SYSLIB1213

    /// <summary>Webhook notifiers by name.</summary>
    public Dictionary<string, WebhookOptions> Webhooks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>E-mail notifiers by name.</summary>
    public Dictionary<string, EmailOptions> Email { get; set; } = new(StringComparer.Ordinal);

#pragma warning disable SYSLIB1212 // Validated by AlertsOptionsValidator under its own key, Alerts:WeeklySummary.
    public WeeklySummaryOptions WeeklySummary { get; set; } = new();
#pragma warning restore SYSLIB1212
}
