namespace LiverMuscle.Sync.State.Programmes;

/// <summary>
/// The reminder occasions already decided, so each is sent at most once: a restart finds what was sent and does not
/// send it again.
/// </summary>
public interface IReminderLog
{
    Task<bool> IsDecidedAsync(string personId, ReminderKind kind, DateOnly date, CancellationToken cancellationToken);

    /// <summary>Records the occasion; an occasion already recorded keeps its first outcome.</summary>
    Task RecordAsync(ReminderOccasion occasion, CancellationToken cancellationToken);

    /// <summary>The person's occasions, newest first.</summary>
    Task<IReadOnlyList<ReminderOccasion>> ListAsync(string personId, CancellationToken cancellationToken);
}
