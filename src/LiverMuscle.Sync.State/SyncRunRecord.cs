namespace LiverMuscle.Sync.State;

/// <summary>The outcome of one sync run of a (user, provider).</summary>
public sealed record SyncRunRecord(
    string UserId,
    string Provider,
    SyncOutcome Outcome,
    int Records,
    int Requests,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string? Error);
