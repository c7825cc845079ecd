namespace LiverMuscle.Sync.State;

/// <summary>
/// Durable FIFO of writes that could not be delivered yet, shared by every process on the store. Enqueue returns after
/// the entry is on disk. Replaying is exclusive: only the holder of the replay lease sends entries, so two processes
/// never replay at once and reorder writes and deletes.
/// </summary>
public interface IWriteSpool
{
    Task<long> EnqueueAsync(string kind, byte[] payload, CancellationToken cancellationToken);

    /// <summary>The oldest entries, in order, without removing them.</summary>
    Task<IReadOnlyList<SpoolEntry>> PeekAsync(int max, CancellationToken cancellationToken);

    Task RemoveAsync(long id, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Entries, their payload bytes and the time the oldest was kept.</summary>
    Task<SpoolDepth> MeasureAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The right to replay, held until disposed (renewed meanwhile; a crashed holder's lease lapses). Null while
    /// another process or caller holds it.
    /// </summary>
    Task<ISpoolReplayLease?> TryLeaseReplayAsync(CancellationToken cancellationToken);
}
