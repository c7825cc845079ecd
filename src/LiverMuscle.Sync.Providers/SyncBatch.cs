using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers;

/// <summary>
/// What one step of a source produced: deletions of points that vanished or changed at the source (applied first),
/// points to upsert, records that could not be normalised (reported and skipped), the cursor to save once all of it
/// is durable (null: keep the previous one), and progress for long runs.
/// </summary>
public sealed record SyncBatch(
    IReadOnlyList<Point> Points,
    IReadOnlyList<PointDeletion> Deletions,
    IReadOnlyList<RecordError> Errors,
    string? Cursor,
    SyncProgress? Progress = null);

/// <summary>Units of work done out of a known total (pages, date windows).</summary>
public sealed record SyncProgress(int Done, int Total);
