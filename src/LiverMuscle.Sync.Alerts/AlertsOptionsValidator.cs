using System.Globalization;
using LiverMuscle.Sync.Alerts.Notifications.Email;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.Markers.Catalog;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts;

internal sealed class AlertsOptionsValidator : IValidateOptions<AlertsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        var failures = new List<string>();
        var notifiers = options.Webhooks.Keys.Concat(options.Email.Keys).ToList();
        foreach (var duplicate in notifiers.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"Alerts: notifier name '{duplicate.Key}' is used by both a webhook and an e-mail notifier.");
        }

        if (options.EvaluationInterval < TimeSpan.FromSeconds(10))
        {
            failures.Add($"Alerts:EvaluationInterval must be at least 10 seconds, got {options.EvaluationInterval}.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Rules.Count; i++)
        {
            ValidateRule($"Alerts:Rules:{i}", options.Rules[i], notifiers, ids, failures);
        }

        foreach (var (key, webhook) in options.Webhooks)
        {
            if (webhook.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"Alerts:Webhooks:{key}:Url must be an absolute http(s) URL.");
            }

            if (webhook.MaxRetries is < 0 or > 10)
            {
                failures.Add($"Alerts:Webhooks:{key}:MaxRetries must be 0–10, got {webhook.MaxRetries}.");
            }

            if (webhook.Timeout <= TimeSpan.Zero)
            {
                failures.Add($"Alerts:Webhooks:{key}:Timeout must be positive.");
            }
        }

        foreach (var (key, email) in options.Email)
        {
            ValidateEmail($"Alerts:Email:{key}", email, failures);
        }

        var summary = options.WeeklySummary;
        if (summary.Hour is < 0 or > 23)
        {
            failures.Add($"Alerts:WeeklySummary:Hour must be 0–23, got {summary.Hour}.");
        }

        if (summary.Enabled && summary.Notifiers.Count == 0)
        {
            failures.Add("Alerts:WeeklySummary:Notifiers must name at least one notifier when the summary is enabled.");
        }

        foreach (var unknown in summary.Notifiers.Where(n => !notifiers.Contains(n, StringComparer.Ordinal)))
        {
            failures.Add($"Alerts:WeeklySummary:Notifiers names '{unknown}', which is neither under Alerts:Webhooks nor Alerts:Email.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateRule(string key, AlertRuleOptions rule, List<string> notifiers, HashSet<string> ids, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(rule.Id) || rule.Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            failures.Add($"{key}:Id must be non-empty letters, digits, '-', '_' or '.', got '{rule.Id}'.");
        }
        else if (!ids.Add(rule.Id))
        {
            failures.Add($"{key}:Id '{rule.Id}' is used by two rules.");
        }

        if (rule.For < TimeSpan.Zero)
        {
            failures.Add($"{key}:For must not be negative, got {rule.For}.");
        }

        if (rule.RepeatInterval <= TimeSpan.Zero)
        {
            failures.Add($"{key}:RepeatInterval must be positive, got {rule.RepeatInterval}.");
        }

        foreach (var unknown in rule.Notifiers.Where(n => !notifiers.Contains(n, StringComparer.Ordinal)))
        {
            failures.Add($"{key}:Notifiers names '{unknown}', which is neither under Alerts:Webhooks nor Alerts:Email.");
        }

        if (rule.Days is <= 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key}:Days must be positive, got {rule.Days}."));
        }

        switch (rule.Kind)
        {
            case AlertRuleKind.MarkerAbove or AlertRuleKind.MarkerBelow:
                if (rule.Marker is null || MarkerCatalog.Find(rule.Marker) is null)
                {
                    failures.Add($"{key}:Marker must name a known marker ({string.Join(", ", MarkerCatalog.All.Select(m => m.Id))}), got '{rule.Marker}'.");
                }

                if (rule.Threshold is null && rule.ThresholdBySex.Count == 0)
                {
                    failures.Add($"{key}:Threshold (or ThresholdBySex) is required for {rule.Kind}.");
                }

                break;
            case AlertRuleKind.InfluxQl:
                if (string.IsNullOrWhiteSpace(rule.Query) || !rule.Query.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{key}:Query must be an InfluxQL SELECT statement.");
                }

                if (rule.Threshold is null)
                {
                    failures.Add($"{key}:Threshold is required for InfluxQl rules.");
                }

                break;
        }
    }

    private static void ValidateEmail(string key, EmailOptions email, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(email.Host))
        {
            failures.Add($"{key}:Host is required.");
        }

        if (email.Port is < 1 or > 65535)
        {
            failures.Add($"{key}:Port must be 1–65535, got {email.Port}.");
        }

        if (!MimeKit.MailboxAddress.TryParse(email.From, out _))
        {
            failures.Add($"{key}:From '{email.From}' is not an e-mail address.");
        }

        if (email.To.Count == 0 && email.Recipients.Count == 0)
        {
            failures.Add($"{key}:To (or Recipients) must name at least one address.");
        }

        foreach (var address in email.To.Concat(email.Recipients.Values).Where(a => !MimeKit.MailboxAddress.TryParse(a, out _)))
        {
            failures.Add($"{key}: '{address}' is not an e-mail address.");
        }

        if (email.TrustedCertificateFile is { Length: > 0 } file && !File.Exists(file))
        {
            failures.Add($"{key}:TrustedCertificateFile '{file}' does not exist.");
        }

        if (!string.IsNullOrEmpty(email.Username) && email.Password is null)
        {
            failures.Add($"{key}:Password is required when Username is set.");
        }
    }
}
