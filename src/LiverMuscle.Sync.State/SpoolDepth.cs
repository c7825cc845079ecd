namespace LiverMuscle.Sync.State;

/// <summary>How much waits in the write spool: entries, payload bytes, and when the oldest was kept (null when empty).</summary>
public sealed record SpoolDepth(int Batches, long Bytes, DateTimeOffset? OldestAt)
{
    public static SpoolDepth Empty { get; } = new(0, 0, null);
}
