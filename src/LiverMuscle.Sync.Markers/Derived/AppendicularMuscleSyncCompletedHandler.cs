using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Markers.Derived;

/// <summary>After a sync, computes the muscle mass index of the segmental readings it wrote.</summary>
internal sealed class AppendicularMuscleSyncCompletedHandler(AppendicularMuscleCalculator calculator) : ISyncCompletedHandler
{
    public async Task OnSyncCompletedAsync(SyncCompleted completed, CancellationToken cancellationToken)
    {
        if (completed.EarliestPoint is { } from && completed.LatestPoint is { } to)
        {
            await calculator.RecomputeAsync(completed.UserId, from, to, cancellationToken);
        }
    }
}
