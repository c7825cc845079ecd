namespace LiverMuscle.Sync.Normalization;

/// <summary>
/// What a sync changed: the user, provider, the number of records written, and the time span the written points
/// cover (null when nothing was written).
/// </summary>
public sealed record SyncCompleted(string UserId, string Provider, int Records, DateTimeOffset? EarliestPoint, DateTimeOffset? LatestPoint);
