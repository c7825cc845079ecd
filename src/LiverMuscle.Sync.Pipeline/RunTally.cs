using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>What one data kind of a run wrote, skipped and kept; the run adds up those of its kinds.</summary>
internal sealed class RunTally
{
    public int Records { get; set; }

    public int Problems { get; set; }

    public int Spooled { get; set; }

    public int Deletions { get; set; }

    public DateTimeOffset? Earliest { get; private set; }

    public DateTimeOffset? Latest { get; private set; }

    public static RunTally Sum(IEnumerable<RunTally> tallies)
    {
        var sum = new RunTally();
        foreach (var tally in tallies)
        {
            sum.Records += tally.Records;
            sum.Problems += tally.Problems;
            sum.Spooled += tally.Spooled;
            sum.Deletions += tally.Deletions;
            sum.Observe(tally.Earliest);
            sum.Observe(tally.Latest);
        }

        return sum;
    }

    public void Observe(IReadOnlyList<Point> points)
    {
        foreach (var point in points)
        {
            Observe(point.Timestamp);
        }
    }

    private void Observe(DateTimeOffset? at)
    {
        if (at is not { } time)
        {
            return;
        }

        Earliest = Earliest is { } e && e <= time ? e : time;
        Latest = Latest is { } l && l >= time ? l : time;
    }
}
