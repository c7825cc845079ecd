namespace LiverMuscle.Sync.Alerts.Notifications;

/// <summary>Delivers a notification; throws when it could not be delivered after its own retries.</summary>
public interface INotifier
{
    string Name { get; }

    Task SendAsync(AlertNotification notification, CancellationToken cancellationToken);
}
