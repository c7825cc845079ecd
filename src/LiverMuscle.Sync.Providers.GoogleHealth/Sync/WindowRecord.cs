using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>A normalised point with the provider id it came from and the day of the window it belongs to.</summary>
public sealed record WindowRecord(string Id, Point Point, DateOnly Day);

/// <summary>What a fully read window produced.</summary>
public sealed record WindowRead(IReadOnlyList<WindowRecord> Records, IReadOnlyList<RecordError> Errors)
{
    public bool IsEmpty => Records.Count == 0 && Errors.Count == 0;
}
