namespace LiverMuscle.Sync.Normalization;

/// <summary>
/// Where normalised points go. A returned task completes only when every point is durable: accepted by the
/// database, rejected by it (reported in the result), or kept in the durable spool for replay. A caller may
/// advance its sync cursor once the task has completed.
/// </summary>
public interface IPointSink
{
    ValueTask<SinkWriteResult> WriteAsync(IReadOnlyList<Point> points, CancellationToken cancellationToken);

    /// <summary>Deletes points that vanished at the source; durable in the same sense as writes.</summary>
    ValueTask DeleteAsync(PointDeletion deletion, CancellationToken cancellationToken);
}
