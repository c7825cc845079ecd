namespace LiverMuscle.Sync.Normalization;

/// <summary>
/// Runs once the points a sync of a (user, provider) wrote are durable in the database (not merely kept in the write
/// spool), e.g. to recompute the weekly adherence of the weeks it touched. A failing handler is logged, does not fail
/// the sync, and is run again for the same span later.
/// </summary>
public interface ISyncCompletedHandler
{
    Task OnSyncCompletedAsync(SyncCompleted completed, CancellationToken cancellationToken);
}
