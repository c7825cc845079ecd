using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Push;

/// <summary>Push health kept in the state store, so every process (and <c>status</c>) sees the same.</summary>
internal sealed class StoredPushHealth(IPushSubscriptionStore subscriptions, TimeProvider time) : IPushHealth
{
    public async Task<PushHealth> GetAsync(string userId, string provider, CancellationToken cancellationToken) =>
        await subscriptions.GetAsync(userId, provider, cancellationToken) is { } stored
            ? new PushHealth(stored.ConfirmedAt, stored.LastNotificationAt)
            : new PushHealth(null, null);

    public Task SubscriptionConfirmedAsync(string userId, string provider, CancellationToken cancellationToken) =>
        subscriptions.MarkConfirmedAsync(userId, provider, time.GetUtcNow(), cancellationToken);

    public Task NotificationReceivedAsync(string userId, string provider, CancellationToken cancellationToken) =>
        subscriptions.MarkNotifiedAsync(userId, provider, time.GetUtcNow(), cancellationToken);
}
