using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Alerts.Notifications.Webhook;

/// <summary>One entry of <c>Alerts:Webhooks</c> (the key is the notifier's name).</summary>
public sealed class WebhookOptions
{
    [HttpUrl(Required = true, Secret = true)]
    public Uri? Url { get; set; }

    /// <summary>HMAC-SHA256 key; when set, <c>X-Signature</c> carries the lowercase hex HMAC of the body (secret).</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// A body template for receivers that want their own shape (Slack <c>{"text": {{text}}}</c>, Discord
    /// <c>{"content": {{text}}}</c>…). Placeholders become JSON values: {{subject}}, {{text}}, {{rule}}, {{user}},
    /// {{status}}, {{kind}}, {{value}}, {{threshold}}, {{time}}, {{idempotency_key}}, {{disclaimer}}. Default: the
    /// full JSON payload.
    /// </summary>
    public string? Template { get; set; }

    /// <summary>Content type of the body. Default <c>application/json</c>.</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>Retries on network errors, timeouts, 408, 429 and 5xx. Default 4.</summary>
    [NumberRange(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay, doubled each attempt. Default 2 s.</summary>
    [DurationRange("00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time limit of one attempt. Default 10 s.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public override string ToString() => $"WebhookOptions {{ Url = {Url?.GetLeftPart(UriPartial.Path)}, Secret = {(Secret is null ? "(none)" : "***")} }}";
}
