namespace LiverMuscle.Sync.Normalization;

/// <summary>What became of a batch: every point is accepted, rejected with a reason, or spooled for replay.</summary>
public sealed record SinkWriteResult(int Accepted, int Spooled, IReadOnlyList<RejectedPoint> Rejected)
{
    public static SinkWriteResult Empty { get; } = new(0, 0, []);
}

/// <summary>A point the database refused, and why (e.g. a field type conflict). Not retried.</summary>
public sealed record RejectedPoint(string Point, string Reason);
