using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Notifications.Webhook;

[OptionsValidator]
internal sealed partial class WebhookOptionsAttributes : IValidateOptions<WebhookOptions>;
