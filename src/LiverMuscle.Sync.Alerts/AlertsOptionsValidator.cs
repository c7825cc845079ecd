using LiverMuscle.Sync.Alerts.Notifications.Email;
using LiverMuscle.Sync.Alerts.Notifications.Webhook;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.Alerts.Summary;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts;

/// <summary>
/// The attribute rules of every part of <see cref="AlertsOptions"/> under its own key, and the rules between settings:
/// notifier names, rule ids, what each rule kind needs, e-mail recipients. <c>name</c> is the section's key.
/// </summary>
internal sealed class AlertsOptionsValidator : IValidateOptions<AlertsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        var result = new ValidateOptionsResultBuilder();
        var notifiers = options.Webhooks.Keys.Concat(options.Email.Keys).ToList();
        foreach (var duplicate in notifiers.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            result.AddError($"{name}: notifier name '{duplicate.Key}' is used by both a webhook and an e-mail notifier.");
        }

        result.AddResult(new AlertsOptionsAttributes().Validate(name, options));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rules = new AlertRuleOptionsAttributes();
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var key = $"{name}:Rules:{i}";
            result.AddResult(rules.Validate(key, options.Rules[i]));
            AlertRuleRules.Check(key, options.Rules[i], notifiers, ids, result);
        }

        var webhooks = new WebhookOptionsAttributes();
        foreach (var (key, webhook) in options.Webhooks)
        {
            result.AddResult(webhooks.Validate($"{name}:Webhooks:{key}", webhook));
        }

        var email = new EmailOptionsAttributes();
        foreach (var (key, mail) in options.Email)
        {
            result.AddResult(email.Validate($"{name}:Email:{key}", mail));
            CheckRecipients($"{name}:Email:{key}", mail, result);
        }

        var summary = options.WeeklySummary;
        result.AddResult(new WeeklySummaryOptionsAttributes().Validate($"{name}:WeeklySummary", summary));
        if (summary.Enabled && summary.Notifiers.Count == 0)
        {
            result.AddError($"{name}:WeeklySummary:Notifiers must name at least one notifier when the summary is enabled.");
        }

        AlertRuleRules.CheckNotifiers($"{name}:WeeklySummary", summary.Notifiers, notifiers, result);
        return result.Build();
    }

    private static void CheckRecipients(string key, EmailOptions email, ValidateOptionsResultBuilder result)
    {
        if (email.To.Count == 0 && email.Recipients.Count == 0)
        {
            result.AddError($"{key}:To (or Recipients) must name at least one address.");
        }

        foreach (var address in email.To.Concat(email.Recipients.Values).Where(a => !MailboxAddressAttribute.IsAddress(a)))
        {
            result.AddError($"{key}: '{address}' is not an e-mail address.");
        }

        if (email.TrustedCertificateFile is { Length: > 0 } file && !File.Exists(file))
        {
            result.AddError($"{key}:TrustedCertificateFile '{file}' does not exist.");
        }

        if (!string.IsNullOrEmpty(email.Username) && email.Password is null)
        {
            result.AddError($"{key}:Password is required when Username is set.");
        }
    }
}
