namespace LiverMuscle.Sync.Providers.Push;

/// <summary>Push endpoints enqueue here; the scheduler dequeues and runs targeted syncs.</summary>
public interface ISyncTriggerQueue
{
    /// <summary>Never blocks: a push endpoint must answer within the provider's deadline.</summary>
    void Enqueue(SyncTrigger trigger);

    IAsyncEnumerable<SyncTrigger> ReadAllAsync(CancellationToken cancellationToken);
}
