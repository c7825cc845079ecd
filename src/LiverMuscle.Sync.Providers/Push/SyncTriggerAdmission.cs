namespace LiverMuscle.Sync.Providers.Push;

/// <summary>What the queue did with a trigger.</summary>
public enum SyncTriggerAdmission
{
    /// <summary>Queued as a new targeted sync.</summary>
    Queued,

    /// <summary>Merged into the one already waiting for the same person, provider and data kind.</summary>
    Merged,

    /// <summary>Refused: the queue is full (the endpoint answers 503 and the provider sends it again later).</summary>
    Full,
}
