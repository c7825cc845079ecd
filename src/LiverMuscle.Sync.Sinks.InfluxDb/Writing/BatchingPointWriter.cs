using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.LineProtocol;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// Decides when and how much to send: gathers callers' points into batches of up to <c>InfluxDb:BatchSize</c>,
/// waiting at most <c>InfluxDb:FlushInterval</c> for a batch to fill, and hands them in order to the sender.
/// A delete is a barrier: the points queued before it are sent first. Each caller's task completes once every one
/// of its points is accepted, rejected or spooled.
/// </summary>
public sealed class BatchingPointWriter : IPointSink, IAsyncDisposable
{
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IBatchSender _sender;
    private readonly InfluxDbOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BatchingPointWriter> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public BatchingPointWriter(IBatchSender sender, IOptions<InfluxDbOptions> options, TimeProvider time, ILogger<BatchingPointWriter> logger)
    {
        _sender = sender;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public async ValueTask<SinkWriteResult> WriteAsync(IReadOnlyList<Point> points, CancellationToken cancellationToken)
    {
        if (points.Count == 0)
        {
            return SinkWriteResult.Empty;
        }

        var request = new WriteRequest(points);
        await _queue.Writer.WriteAsync(request, cancellationToken);
        return await request.Completion.WaitAsync(cancellationToken);
    }

    public async ValueTask DeleteAsync(PointDeletion deletion, CancellationToken cancellationToken)
    {
        var request = new WriteRequest(InfluxQl.Delete(deletion));
        await _queue.Writer.WriteAsync(request, cancellationToken);
        await request.Completion.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(30), _time);
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync();
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var pending = new List<WriteRequest>();
        while (await WaitAsync(reader))
        {
            pending.Clear();
            try
            {
                if (reader.TryPeek(out var head) && head.Statement is not null)
                {
                    reader.TryRead(out _);
                    pending.Add(head);
                    await SendStatementAsync(head);
                    continue;
                }

                await GatherAsync(reader, pending);
                await SendPointsAsync(pending);
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                // E.g. the spool itself failed: these callers learn it and keep their cursors; later writes go on.
                Log.WriterCrashed(_logger, e);
                foreach (var request in pending)
                {
                    request.Fail(e);
                }
            }
        }
    }

    private async Task<bool> WaitAsync(ChannelReader<WriteRequest> reader)
    {
        try
        {
            return await reader.WaitToReadAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task GatherAsync(ChannelReader<WriteRequest> reader, List<WriteRequest> pending)
    {
        var count = 0;
        using var linger = new CancellationTokenSource(_options.FlushInterval, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(linger.Token, _stopping.Token);
        while (count < _options.BatchSize)
        {
            if (reader.TryPeek(out var next))
            {
                if (next.Statement is not null)
                {
                    return;
                }

                reader.TryRead(out _);
                pending.Add(next);
                count += next.Points.Count;
                continue;
            }

            try
            {
                if (!await reader.WaitToReadAsync(linked.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (linger.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task SendPointsAsync(List<WriteRequest> requests)
    {
        var builder = new StringBuilder(_options.BatchSize * 96);
        var batchPoints = new List<Point>(_options.BatchSize);
        var owners = new List<WriteRequest>(_options.BatchSize);
        foreach (var request in requests)
        {
            foreach (var point in request.Points)
            {
                if (!LineProtocolEncoder.TryAppend(builder, point, _options.Precision, out var error))
                {
                    Log.PointRejected(_logger, point.Describe(), error!);
                    request.Reject(new RejectedPoint(point.Describe(), error!));
                    continue;
                }

                batchPoints.Add(point);
                owners.Add(request);
                if (batchPoints.Count == _options.BatchSize)
                {
                    await SendAsync(builder, batchPoints, owners);
                }
            }
        }

        if (batchPoints.Count > 0)
        {
            await SendAsync(builder, batchPoints, owners);
        }
    }

    private async Task SendAsync(StringBuilder builder, List<Point> points, List<WriteRequest> owners)
    {
        var started = Stopwatch.GetTimestamp();
        var batch = WriteBatch.Lines(Encoding.UTF8.GetBytes(builder.ToString()), points.ToArray());
        var result = await _sender.SendAsync(batch, _stopping.Token);
        Settle(result, points, owners);
        Log.BatchWritten(_logger, points.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        builder.Clear();
        points.Clear();
        owners.Clear();
    }

    private static void Settle(SendResult result, List<Point> points, List<WriteRequest> owners)
    {
        var rejected = result.Rejected.ToLookup(r => r.Point, StringComparer.Ordinal);
        var settled = new Dictionary<WriteRequest, int>();
        for (var i = 0; i < points.Count; i++)
        {
            var owner = owners[i];
            if (result.Delivered && result.Rejected.Count > 0 && rejected.Contains(points[i].Describe()))
            {
                owner.Reject(rejected[points[i].Describe()].First());
            }
            else
            {
                settled[owner] = settled.GetValueOrDefault(owner) + 1;
            }
        }

        foreach (var (owner, count) in settled)
        {
            if (result.Spooled)
            {
                owner.Spool(count);
            }
            else if (result.Delivered)
            {
                owner.Accept(count);
            }
            else
            {
                owner.Fail(new InfluxUnavailableException(result.Error ?? "InfluxDB write failed"));
            }
        }
    }

    private async Task SendStatementAsync(WriteRequest request)
    {
        var result = await _sender.SendAsync(WriteBatch.Statement(request.Statement!), _stopping.Token);
        if (result.Delivered && result.Rejected.Count > 0)
        {
            request.Reject(result.Rejected[0]);
        }
        else if (result.Delivered)
        {
            request.Accept(1);
        }
        else if (result.Spooled)
        {
            request.Spool(1);
        }
        else
        {
            request.Fail(new InfluxUnavailableException(result.Error ?? "InfluxDB delete failed"));
        }
    }
}
