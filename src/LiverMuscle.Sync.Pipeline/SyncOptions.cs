namespace LiverMuscle.Sync.Pipeline;

/// <summary>Section <c>Sync</c>: how often each connection is polled.</summary>
public sealed class SyncOptions
{
    /// <summary>Time between polls of one connection. Default 15 minutes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Up to this much random delay is added to each poll so users do not all start at once. Default 1 minute.</summary>
    public TimeSpan PollJitter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Syncs running at the same time. Default 4.</summary>
    public int MaxConcurrentSyncs { get; set; } = 4;
}
