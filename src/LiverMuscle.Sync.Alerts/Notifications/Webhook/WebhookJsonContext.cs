using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Alerts.Notifications.Webhook;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WebhookPayload))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(double))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
