using System.Diagnostics;
using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// One caller's points (or one delete), the outcome of each point by its index, and the task that completes when
/// every point has one. Outcomes arrive from the encoder and the sender, possibly at once.
/// </summary>
internal sealed class WriteRequest
{
    private readonly TaskCompletionSource<SinkWriteResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PointOutcome[] _outcomes;
    private int _outstanding;

    public WriteRequest(IReadOnlyList<Point> points)
    {
        Points = points;
        _outcomes = new PointOutcome[points.Count];
        _outstanding = points.Count;
    }

    public WriteRequest(string statement)
    {
        Points = [];
        Statement = statement;
        _outcomes = new PointOutcome[1];
        _outstanding = 1;
    }

    public IReadOnlyList<Point> Points { get; }

    /// <summary>The span the write was made in (the sync run's): the batch's span goes beneath it.</summary>
    public ActivityContext Caller { get; } = Activity.Current?.Context ?? default;

    public string? Statement { get; }

    public Task<SinkWriteResult> Completion => _completion.Task;

    /// <summary>Records what became of point <paramref name="index"/> (0 for a delete).</summary>
    public void Settle(int index, PointOutcome outcome)
    {
        _outcomes[index] = outcome;
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            _completion.TrySetResult(Statement is null ? new SinkWriteResult(Points, _outcomes) : SinkWriteResult.Empty);
        }
    }

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
