namespace LiverMuscle.Sync.Providers;

/// <summary>
/// Runs after a sync of a (user, provider) has durably written its data, e.g. to recompute the weekly adherence
/// of the weeks it touched. A failing handler is logged and does not fail the sync.
/// </summary>
public interface ISyncCompletedHandler
{
    Task OnSyncCompletedAsync(SyncCompleted completed, CancellationToken cancellationToken);
}

/// <summary>
/// What a sync changed: the user, provider, the number of records written, and the time span the written points
/// cover (null when nothing was written).
/// </summary>
public sealed record SyncCompleted(string UserId, string Provider, int Records, DateTimeOffset? EarliestPoint, DateTimeOffset? LatestPoint);
