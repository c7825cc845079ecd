namespace LiverMuscle.Sync.Normalization;

/// <summary>
/// Batches and bytes waiting in the durable write spool (of every process sharing it), when the oldest of them was
/// kept, and when this process last had a write accepted by the database (null: not yet).
/// </summary>
public sealed record SinkStatus(int SpooledBatches, long SpooledBytes, DateTimeOffset? OldestSpooledAt, DateTimeOffset? LastSuccessfulWriteAt)
{
    /// <summary>How long the oldest spooled batch has waited at <paramref name="now"/>; null when nothing waits.</summary>
    public TimeSpan? OldestSpooledAge(DateTimeOffset now) => now - OldestSpooledAt;
}
