using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>What one run of a (user, provider) did.</summary>
public sealed record SyncRunSummary(
    string UserId,
    string Provider,
    SyncOutcome Outcome,
    int Records,
    int Requests,
    int Rejected,
    TimeSpan Duration,
    string? Error);
