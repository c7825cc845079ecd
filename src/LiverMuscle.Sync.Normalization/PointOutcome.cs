namespace LiverMuscle.Sync.Normalization;

/// <summary>What became of one point, with the database's reason when it was refused.</summary>
public readonly record struct PointOutcome(PointFate Fate, string? Reason)
{
    public static PointOutcome Accepted { get; } = new(PointFate.Accepted, null);

    public static PointOutcome Kept { get; } = new(PointFate.Kept, null);

    public static PointOutcome Rejected(string reason) => new(PointFate.Rejected, reason);

    public static PointOutcome RejectedUnknown(string reason) => new(PointFate.RejectedUnknown, reason);
}
