using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>
/// What one page normalised to: the points with the provider id and time of each (for the deletion ledger), and
/// the records that could not be read.
/// </summary>
public sealed record NormalizedPage(IReadOnlyList<NormalizedRecord> Records, IReadOnlyList<RecordError> Errors)
{
    public IReadOnlyList<Point> Points => [.. Records.Select(r => r.Point)];
}

public sealed record NormalizedRecord(long SourceId, Point Point);
