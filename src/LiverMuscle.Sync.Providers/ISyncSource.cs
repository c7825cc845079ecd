namespace LiverMuscle.Sync.Providers;

/// <summary>
/// Reads one data kind of one provider for one user and yields normalised batches. The source never writes: the
/// sync runner writes each batch to the sink and saves <see cref="SyncBatch.Cursor"/> (then runs
/// <see cref="SyncBatch.OnDurable"/>) only after the write is durable, so a crash between batches re-reads at most one
/// batch. The runner reads the next batch while it writes the current one, and the data kinds of one run side by
/// side: a source must not rely on a batch being written when it is asked for the next.
/// </summary>
public interface ISyncSource
{
    string Provider { get; }

    /// <summary>The data kind, part of the cursor key: e.g. <c>body_composition</c>, <c>workouts</c>, <c>exercise</c>.</summary>
    string DataKind { get; }

    IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, CancellationToken cancellationToken);
}
