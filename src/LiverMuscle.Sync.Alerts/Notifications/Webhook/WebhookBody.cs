using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LiverMuscle.Sync.Alerts.Notifications.Webhook;

/// <summary>Renders the body (default payload or template) and signs it.</summary>
internal static class WebhookBody
{
    public static string Render(AlertNotification n, string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return JsonSerializer.Serialize(
                new WebhookPayload(n.IdempotencyKey, Name(n.Kind), n.RuleId, n.UserId, n.Status, n.Value, n.Threshold, n.Subject, n.Text, n.Time, Disclaimer.For(n.Kind)),
                WebhookJsonContext.Default.WebhookPayload);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["subject"] = Str(n.Subject),
            ["text"] = Str(n.Text),
            ["rule"] = Str(n.RuleId),
            ["user"] = Str(n.UserId),
            ["status"] = Str(n.Status),
            ["kind"] = Str(Name(n.Kind)),
            ["value"] = Num(n.Value),
            ["threshold"] = Num(n.Threshold),
            ["time"] = Str(n.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            ["idempotency_key"] = Str(n.IdempotencyKey),
            ["disclaimer"] = Str(Disclaimer.For(n.Kind)),
        };
        var body = template;
        foreach (var (name, value) in values)
        {
            body = body.Replace("{{" + name + "}}", value, StringComparison.Ordinal);
        }

        return body;
    }

    /// <summary>Lowercase hex HMAC-SHA256 of the UTF-8 body.</summary>
    public static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static string Name(NotificationKind kind) => kind switch
    {
        NotificationKind.WeeklySummary => "weekly_summary",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Str(string value) => JsonSerializer.Serialize(value, WebhookJsonContext.Default.String);

    private static string Num(double? value) => value is { } v ? JsonSerializer.Serialize(v, WebhookJsonContext.Default.Double) : "null";
}
