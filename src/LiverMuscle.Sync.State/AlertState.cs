namespace LiverMuscle.Sync.State;

/// <summary>
/// The persisted state of one (rule, user). <paramref name="LastNotifiedAt"/> drives the repeat interval so a
/// restart neither re-sends nor forgets; <paramref name="Data"/> is an opaque payload the evaluator may keep.
/// </summary>
public sealed record AlertState(
    string RuleId,
    string UserId,
    AlertStatus Status,
    DateTimeOffset Since,
    DateTimeOffset? LastNotifiedAt,
    double? LastValue,
    string? Data,
    DateTimeOffset UpdatedAt);
