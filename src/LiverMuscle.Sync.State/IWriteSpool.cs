namespace LiverMuscle.Sync.State;

/// <summary>Durable FIFO of writes that could not be delivered yet. Enqueue returns after the entry is on disk.</summary>
public interface IWriteSpool
{
    Task<long> EnqueueAsync(string kind, byte[] payload, CancellationToken cancellationToken);

    /// <summary>The oldest entries, in order, without removing them.</summary>
    Task<IReadOnlyList<SpoolEntry>> PeekAsync(int max, CancellationToken cancellationToken);

    Task RemoveAsync(long id, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);
}
