namespace LiverMuscle.Sync.Normalization;

/// <summary>
/// What became of the points of one write, index by index: each is accepted, rejected with a reason, or kept in the
/// durable spool for replay.
/// </summary>
public sealed class SinkWriteResult
{
    public SinkWriteResult(IReadOnlyList<Point> points, IReadOnlyList<PointOutcome> outcomes)
    {
        if (points.Count != outcomes.Count)
        {
            throw new ArgumentException($"{outcomes.Count} outcomes for {points.Count} points.", nameof(outcomes));
        }

        Outcomes = outcomes;
        var rejected = new List<RejectedPoint>();
        for (var i = 0; i < outcomes.Count; i++)
        {
            switch (outcomes[i].Fate)
            {
                case PointFate.Accepted:
                    Accepted++;
                    break;
                case PointFate.Kept:
                    Spooled++;
                    break;
                default:
                    rejected.Add(new RejectedPoint(i, points[i], outcomes[i].Reason ?? "refused", outcomes[i].Fate == PointFate.Rejected));
                    break;
            }
        }

        Rejected = rejected;
    }

    public static SinkWriteResult Empty { get; } = new([], []);

    /// <summary>One outcome per point written, in the order the points were given.</summary>
    public IReadOnlyList<PointOutcome> Outcomes { get; }

    public int Accepted { get; }

    public int Spooled { get; }

    /// <summary>The points refused, or possibly dropped (<see cref="RejectedPoint.Attributed"/> false); never retried.</summary>
    public IReadOnlyList<RejectedPoint> Rejected { get; }

    /// <summary>Every point accepted (for sinks that cannot refuse).</summary>
    public static SinkWriteResult AllAccepted(IReadOnlyList<Point> points) =>
        new(points, Enumerable.Repeat(PointOutcome.Accepted, points.Count).ToArray());

    public override string ToString() => $"{Accepted} accepted, {Spooled} spooled, {Rejected.Count} rejected";
}
