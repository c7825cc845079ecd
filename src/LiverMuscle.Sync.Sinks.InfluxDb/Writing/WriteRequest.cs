using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>One caller's points (or one delete), and the task that completes when they are durable.</summary>
internal sealed class WriteRequest
{
    private readonly TaskCompletionSource<SinkWriteResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<RejectedPoint> _rejected = [];
    private int _accepted;
    private int _spooled;
    private int _outstanding;

    public WriteRequest(IReadOnlyList<Point> points)
    {
        Points = points;
        _outstanding = points.Count;
    }

    public WriteRequest(string statement)
    {
        Points = [];
        Statement = statement;
        _outstanding = 1;
    }

    public IReadOnlyList<Point> Points { get; }

    public string? Statement { get; }

    public Task<SinkWriteResult> Completion => _completion.Task;

    public void Reject(RejectedPoint rejected)
    {
        _rejected.Add(rejected);
        Settle(1);
    }

    public void Accept(int count)
    {
        _accepted += count;
        Settle(count);
    }

    public void Spool(int count)
    {
        _spooled += count;
        Settle(count);
    }

    public void Fail(Exception exception) => _completion.TrySetException(exception);

    private void Settle(int count)
    {
        _outstanding -= count;
        if (_outstanding <= 0)
        {
            _completion.TrySetResult(new SinkWriteResult(_accepted, _spooled, _rejected));
        }
    }
}
