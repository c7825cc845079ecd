namespace LiverMuscle.Sync.State;

/// <summary>How far a (user, provider, data kind) has been synced. <paramref name="Value"/> is opaque to the store.</summary>
public sealed record SyncCursor(string UserId, string Provider, string DataKind, string Value, DateTimeOffset UpdatedAt);
