using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers;

/// <summary>
/// What one step of a source produced: deletions of points that vanished or changed at the source (applied first),
/// points to upsert, records that could not be normalised (reported and skipped), the cursor to save once all of it
/// is durable (null: keep the previous one), and progress for long runs. <see cref="Records"/> names the records
/// whose points are among <see cref="Points"/>, so a record several reads of one run served is written once. The
/// runner may ask for the next batch while this one is being written: what the source itself keeps about the batch
/// (its ledger) is saved by <see cref="OnDurable"/>, which the runner calls once the batch is durable and its cursor saved.
/// </summary>
public sealed record SyncBatch(
    IReadOnlyList<Point> Points,
    IReadOnlyList<PointDeletion> Deletions,
    IReadOnlyList<RecordError> Errors,
    string? Cursor,
    SyncProgress? Progress = null)
{
    public IReadOnlyList<SourceRecord> Records { get; init; } = [];

    /// <summary>Saves what the source remembers of this batch; null when there is nothing to save.</summary>
    public Func<CancellationToken, Task>? OnDurable { get; init; }
}

/// <summary>Units of work done out of a known total (pages, date windows).</summary>
public sealed record SyncProgress(int Done, int Total);
