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
    DateTimeOffset? Until = null)
{
    /// <summary>One trigger for the window of both; an open end stays open.</summary>
    public SyncTrigger Merge(SyncTrigger other) => this with
    {
        Since = Since is { } a && other.Since is { } b ? (a < b ? a : b) : null,
        Until = Until is { } c && other.Until is { } d ? (c > d ? c : d) : null,
    };
}
