using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>
/// What one run of a (user, provider) did. <paramref name="SpooledBatches"/> is how many batches wait in the write
/// spool for InfluxDB when the run kept points there (0 when everything it wrote is in InfluxDB).
/// </summary>
public sealed record SyncRunSummary(
    string UserId,
    string Provider,
    SyncOutcome Outcome,
    int Records,
    int Requests,
    int Rejected,
    TimeSpan Duration,
    string? Error,
    int SpooledBatches = 0)
{
    /// <summary>The outcome as <c>sync_run</c>, metrics and spans name it.</summary>
    public string OutcomeName => Outcome.ToString().ToLowerInvariant();
}
