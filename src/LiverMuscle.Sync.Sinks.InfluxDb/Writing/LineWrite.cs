using LiverMuscle.Sync.Normalization;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>One batch on its way through the sender: the rejections found so far and the narrowing requests left.</summary>
internal sealed class LineWrite(WriteBatch batch)
{
    private readonly List<LineRejection> _rejections = [];
    private int _narrowingRequests = InfluxBatchSender.NarrowingRequests;

    public WriteBatch Batch => batch;

    public IReadOnlyList<LineRejection> Rejections => _rejections;

    public bool TryTakeNarrowingRequests(int count)
    {
        if (_narrowingRequests < count)
        {
            return false;
        }

        _narrowingRequests -= count;
        return true;
    }

    public void Reject(IReadOnlyList<int> lines, PointOutcome outcome, ILogger logger)
    {
        foreach (var line in lines)
        {
            _rejections.Add(new LineRejection(line, outcome));
        }

        if (lines.Count == 1)
        {
            Log.PointRejected(logger, Name(lines[0]), outcome.Reason!);
        }
        else if (lines.Count > 1)
        {
            Log.PointsRejected(logger, lines.Count, Name(lines[0]), outcome.Reason!);
        }
    }

    /// <summary>A readable name for a line: its point's identity, else the line itself.</summary>
    private string Name(int line) => batch.Points is { } points ? points[line].Describe() : batch.LineText(line);
}
