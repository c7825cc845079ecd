using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.State;

/// <summary>
/// Syncs whose completion handlers must still run because their points were not yet durable in the database, one
/// entry per (user, provider) covering every such sync's span, kept across restarts.
/// </summary>
public interface IDeferredCompletionStore
{
    /// <summary>Adds the sync, widening the span already waiting for its (user, provider).</summary>
    Task AddAsync(SyncCompleted completed, CancellationToken cancellationToken);

    Task<IReadOnlyList<SyncCompleted>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes the entry if it is still exactly <paramref name="completed"/> (not widened meanwhile).</summary>
    Task RemoveAsync(SyncCompleted completed, CancellationToken cancellationToken);
}
