namespace LiverMuscle.Sync.State;

/// <summary>
/// Small named values a component keeps between runs (a push subscription, backfill progress, a written-records
/// ledger). Keys are namespaced by the caller. A value that belongs to one person has a key of at least three
/// segments ending in their id (<c>component/name/{personId}</c>, e.g. <c>withings/written/workouts/alice</c>):
/// erasing the person deletes exactly those. Values marked secret are encrypted at rest like tokens.
/// </summary>
public interface IKeyValueStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, bool secret, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
