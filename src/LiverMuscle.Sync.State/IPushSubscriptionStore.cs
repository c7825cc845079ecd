namespace LiverMuscle.Sync.State;

/// <summary>
/// Per (person, provider): the hash of the secret token in the person's notification callback URL, when the
/// provider last confirmed the subscription, and when the last authenticated notification arrived.
/// </summary>
public interface IPushSubscriptionStore
{
    Task<PushSubscription?> GetAsync(string userId, string provider, CancellationToken cancellationToken);

    Task<IReadOnlyList<PushSubscription>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The person whose callback token of <paramref name="provider"/> has this hash, if any.</summary>
    Task<string?> FindByTokenHashAsync(string provider, byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>Replaces the person's callback token; the subscription is unconfirmed until the provider accepts the new URL.</summary>
    Task SetTokenHashAsync(string userId, string provider, byte[] tokenHash, CancellationToken cancellationToken);

    Task MarkConfirmedAsync(string userId, string provider, DateTimeOffset at, CancellationToken cancellationToken);

    Task MarkNotifiedAsync(string userId, string provider, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>What is known of one person's push subscription at one provider.</summary>
public sealed record PushSubscription(string UserId, string Provider, byte[]? TokenHash, DateTimeOffset? ConfirmedAt, DateTimeOffset? LastNotificationAt)
{
    public override string ToString() => $"PushSubscription {{ UserId = {UserId}, Provider = {Provider}, ConfirmedAt = {ConfirmedAt:O}, LastNotificationAt = {LastNotificationAt:O} }}";
}
