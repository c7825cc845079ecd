using LiverMuscle.Sync.Normalization;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Adherence;

/// <summary>
/// After a sync, recomputes the weeks its points touched. A weight changes the protein g/kg of the days after it,
/// so the span is extended by a week (not past now).
/// </summary>
internal sealed class AdherenceSyncCompletedHandler(AdherenceService adherence, TimeProvider time) : ISyncCompletedHandler
{
    public async Task OnSyncCompletedAsync(SyncCompleted completed, CancellationToken cancellationToken)
    {
        if (completed.EarliestPoint is not { } from || completed.LatestPoint is not { } latest)
        {
            return;
        }

        var now = time.GetUtcNow();
        var to = latest.AddDays(7) < now ? latest.AddDays(7) : (latest > now ? latest : now);
        await adherence.RecomputeAsync(completed.UserId, from, to, cancellationToken);
    }
}
