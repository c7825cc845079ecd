namespace LiverMuscle.Sync.Providers.Push;

/// <summary>
/// Push endpoints enqueue here; the scheduler reads and runs targeted syncs. At most one trigger waits per (person,
/// provider, data kind): another one widens its window instead. The queue holds a bounded number of them.
/// </summary>
public interface ISyncTriggerQueue
{
    /// <summary>Never blocks: a push endpoint must answer within the provider's deadline.</summary>
    SyncTriggerAdmission Enqueue(SyncTrigger trigger);

    /// <summary>The triggers as they become due; one (person, provider, data kind) at most once per <see cref="PushOptions.TriggerInterval"/>.</summary>
    IAsyncEnumerable<SyncTrigger> ReadAllAsync(CancellationToken cancellationToken);
}
