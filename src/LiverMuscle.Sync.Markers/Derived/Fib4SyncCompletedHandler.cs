using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Markers.Derived;

/// <summary>
/// Recomputes FIB-4 once markers that waited in the write spool are in InfluxDB (the recorder defers it under
/// <see cref="Provider"/> instead of computing it from what InfluxDB held without them).
/// </summary>
internal sealed class Fib4SyncCompletedHandler(Fib4Calculator fib4) : ISyncCompletedHandler
{
    /// <summary>The provider name a deferred marker import is kept under.</summary>
    public const string Provider = "markers";

    public async Task OnSyncCompletedAsync(SyncCompleted completed, CancellationToken cancellationToken)
    {
        if (completed.Provider == Provider)
        {
            await fib4.RecomputeAsync(completed.UserId, cancellationToken);
        }
    }
}
