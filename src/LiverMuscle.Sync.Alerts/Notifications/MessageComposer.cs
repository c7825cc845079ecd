using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using LiverMuscle.Sync.Alerts.Conditions;
using LiverMuscle.Sync.Alerts.Rules;

namespace LiverMuscle.Sync.Alerts.Notifications;

/// <summary>Subject, plain text and HTML of alert messages; every one ends with its <see cref="Disclaimer"/>.</summary>
public static class MessageComposer
{
    public static AlertNotification ForAlert(AlertRuleOptions rule, string userId, NotificationKind kind, Evaluation evaluation, DateTimeOffset episodeSince, int sequence, DateTimeOffset now)
    {
        var status = kind == NotificationKind.Resolved ? "resolved" : "firing";
        var headline = kind switch
        {
            NotificationKind.Resolved => $"Resolved: {rule.DisplayName} ({userId})",
            NotificationKind.Repeat => $"Still firing: {rule.DisplayName} ({userId})",
            _ => $"Firing: {rule.DisplayName} ({userId})",
        };
        var key = Key(rule.Id, userId, kind == NotificationKind.Repeat ? "firing" : status, episodeSince, sequence);
        return Build(key, kind, rule.Id, userId, status, evaluation.Value, evaluation.Threshold, headline, [evaluation.Summary], now);
    }

    public static AlertNotification Build(string key, NotificationKind kind, string ruleId, string userId, string status, double? value, double? threshold, string subject, IReadOnlyList<string> lines, DateTimeOffset now)
    {
        var text = new StringBuilder().AppendLine(subject).AppendLine();
        var html = new StringBuilder("<html><body><h2>").Append(WebUtility.HtmlEncode(subject)).Append("</h2>");
        foreach (var line in lines)
        {
            text.AppendLine(line);
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }

        if (value is { } v && threshold is { } t)
        {
            var figures = string.Create(CultureInfo.InvariantCulture, $"Value {v}, threshold {t}.");
            text.AppendLine(figures);
            html.Append("<p>").Append(WebUtility.HtmlEncode(figures)).Append("</p>");
        }

        text.AppendLine().AppendLine(Disclaimer.For(kind));
        html.Append("<p><em>").Append(WebUtility.HtmlEncode(Disclaimer.For(kind))).Append("</em></p></body></html>");
        return new AlertNotification(key, kind, ruleId, userId, status, value, threshold, "[LiverMuscle] " + subject, text.ToString(), html.ToString(), now);
    }

    public static string Key(params object[] parts)
    {
        var joined = string.Join('|', parts.Select(p => p is DateTimeOffset d ? d.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : Convert.ToString(p, CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..32];
    }
}
