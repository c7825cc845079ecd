using LiverMuscle.Sync.Alerts.Notifications.Email;
using LiverMuscle.Sync.Alerts.Notifications.Webhook;
using LiverMuscle.Sync.Infrastructure.Telemetry;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Notifications;

/// <summary>The configured notifiers by name, built once from <c>Alerts:Webhooks</c> and <c>Alerts:Email</c>.</summary>
public sealed class NotifierRegistry
{
    private readonly Dictionary<string, INotifier> _notifiers = new(StringComparer.Ordinal);
    private readonly SyncMetrics _metrics;
    private readonly ILogger<NotifierRegistry> _logger;

    public NotifierRegistry(IOptions<AlertsOptions> options, IHttpClientFactory clients, IPersonStore people, SyncMetrics metrics, TimeProvider time, ILogger<NotifierRegistry> logger)
    {
        _metrics = metrics;
        _logger = logger;
        foreach (var (name, webhook) in options.Value.Webhooks)
        {
            _notifiers[name] = new WebhookNotifier(name, webhook, clients, time, logger);
        }

        foreach (var (name, email) in options.Value.Email)
        {
            _notifiers[name] = new EmailNotifier(name, email, people, time, logger);
        }
    }

    public IReadOnlyCollection<string> Names => _notifiers.Keys;

    public INotifier? Find(string name) => _notifiers.GetValueOrDefault(name);

    /// <summary>Sends to every named notifier; true when at least one delivered it. Failures are logged.</summary>
    public async Task<bool> SendAsync(IEnumerable<string> names, AlertNotification notification, CancellationToken cancellationToken)
    {
        var delivered = false;
        foreach (var name in names)
        {
            try
            {
                await _notifiers[name].SendAsync(notification, cancellationToken);
                Log.Notified(_logger, name, notification.RuleId, notification.UserId, notification.Kind);
                _metrics.RecordNotification(name, sent: true);
                delivered = true;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                Log.NotifyFailed(_logger, name, notification.RuleId, notification.UserId, e);
                _metrics.RecordNotification(name, sent: false);
            }
        }

        return delivered;
    }
}
