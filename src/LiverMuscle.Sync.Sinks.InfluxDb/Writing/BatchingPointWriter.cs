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
/// A delete is a barrier: the points queued before it are sent first. Encoding the next batch overlaps sending the
/// previous one; a single sender keeps the order. Each caller's task completes once every one of its points is
/// accepted, rejected or spooled.
/// </summary>
public sealed class BatchingPointWriter : IPointSink, IAsyncDisposable
{
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IBatchSender _sender;
    private readonly InfluxDbOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BatchingPointWriter> _logger;
    private readonly Channel<OutgoingBatch> _outgoing = Channel.CreateBounded<OutgoingBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _encoding;
    private readonly Task _sending;

    public BatchingPointWriter(IBatchSender sender, IOptions<InfluxDbOptions> options, TimeProvider time, ILogger<BatchingPointWriter> logger)
    {
        _sender = sender;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _encoding = Task.Run(EncodeLoopAsync);
        _sending = Task.Run(SendLoopAsync);
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
            await Task.WhenAll(_encoding, _sending).WaitAsync(TimeSpan.FromSeconds(30), _time);
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync();
        }

        _stopping.Dispose();
    }

    private async Task EncodeLoopAsync()
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
                    await _outgoing.Writer.WriteAsync(new OutgoingBatch(WriteBatch.Statement(head.Statement), [], [head]), _stopping.Token);
                    continue;
                }

                await GatherAsync(reader, pending);
                await EncodeAsync(pending);
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                Fail(pending, e);
            }
        }

        _outgoing.Writer.TryComplete();
    }

    private async Task SendLoopAsync()
    {
        await foreach (var outgoing in _outgoing.Reader.ReadAllAsync())
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var result = await _sender.SendAsync(outgoing.Batch, _stopping.Token);
                if (outgoing.Batch.Kind == WriteBatch.StatementKind)
                {
                    SettleStatement(result, outgoing.Owners[0]);
                }
                else
                {
                    Settle(result, outgoing.Points, outgoing.Owners);
                    Log.BatchWritten(_logger, outgoing.Points.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            catch (Exception e)
            {
                // E.g. the spool itself failed: these callers learn it and keep their cursors; later writes go on.
                Fail(outgoing.Owners, e);
            }
        }
    }

    private void Fail(IEnumerable<WriteRequest> requests, Exception e)
    {
        Log.WriterCrashed(_logger, e);
        foreach (var request in requests)
        {
            request.Fail(e);
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

    private async Task EncodeAsync(List<WriteRequest> requests)
    {
        var builder = new StringBuilder(_options.BatchSize * 96);
        var points = new List<Point>(_options.BatchSize);
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

                points.Add(point);
                owners.Add(request);
                if (points.Count == _options.BatchSize)
                {
                    await HandOverAsync(builder, points, owners);
                }
            }
        }

        if (points.Count > 0)
        {
            await HandOverAsync(builder, points, owners);
        }
    }

    private async Task HandOverAsync(StringBuilder builder, List<Point> points, List<WriteRequest> owners)
    {
        var batchPoints = points.ToArray();
        var batch = WriteBatch.Lines(Utf8(builder), batchPoints);
        await _outgoing.Writer.WriteAsync(new OutgoingBatch(batch, batchPoints, owners.ToArray()), _stopping.Token);
        builder.Clear();
        points.Clear();
        owners.Clear();
    }

    private static byte[] Utf8(StringBuilder builder)
    {
        var length = 0;
        foreach (var chunk in builder.GetChunks())
        {
            length += Encoding.UTF8.GetByteCount(chunk.Span);
        }

        var bytes = new byte[length];
        var offset = 0;
        foreach (var chunk in builder.GetChunks())
        {
            offset += Encoding.UTF8.GetBytes(chunk.Span, bytes.AsSpan(offset));
        }

        return bytes;
    }

    private static void Settle(SendResult result, IReadOnlyList<Point> points, IReadOnlyList<WriteRequest> owners)
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

    private static void SettleStatement(SendResult result, WriteRequest request)
    {
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

    private sealed record OutgoingBatch(WriteBatch Batch, IReadOnlyList<Point> Points, IReadOnlyList<WriteRequest> Owners);
}
