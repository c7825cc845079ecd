namespace LiverMuscle.Sync.Providers.Push;

/// <summary>
/// Whether push works for a (person, provider): when the provider last confirmed the subscription and when the last
/// authenticated notification arrived. A scheduler may poll less while both are recent.
/// </summary>
public interface IPushHealth
{
    Task<PushHealth> GetAsync(string userId, string provider, CancellationToken cancellationToken);

    Task SubscriptionConfirmedAsync(string userId, string provider, CancellationToken cancellationToken);

    Task NotificationReceivedAsync(string userId, string provider, CancellationToken cancellationToken);
}

/// <summary>Null: never.</summary>
public sealed record PushHealth(DateTimeOffset? SubscriptionConfirmedAt, DateTimeOffset? LastNotificationAt);
