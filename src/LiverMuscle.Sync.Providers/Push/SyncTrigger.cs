namespace LiverMuscle.Sync.Providers.Push;

/// <summary>
/// A request for a targeted sync, typically from a push notification: which user and provider, optionally which
/// data kind and which time window changed.
/// </summary>
public sealed record SyncTrigger(
    string UserId,
    string Provider,
    string? DataKind = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null);
