using System.Diagnostics;
using System.Threading.Channels;
using LiverMuscle.Sync.Infrastructure.Telemetry;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// Decides when and how much to send: a batch that is not full goes to the sender as soon as the sender is idle,
/// holding every point callers queued until then; a full batch (<c>InfluxDb:BatchSize</c> points) or a delete may
/// queue behind the one being sent. No timer is waited on: a lone caller's write is sent at once, and writes that
/// arrive while batches are in flight are merged into the next one. A delete is a barrier: the points queued before it
/// are sent first. Encoding the next batch overlaps sending the previous one; a single sender keeps the order. Each
/// caller's task completes once every one of its points is accepted, rejected or spooled.
/// </summary>
internal sealed class BatchingPointWriter : IPointSink, IAsyncDisposable
{
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<OutgoingBatch> _outgoing = Channel.CreateUnbounded<OutgoingBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SemaphoreSlim _handOver = new(2, 2);
    private readonly IBatchSender _sender;
    private readonly InfluxDbOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BatchingPointWriter> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _encoding;
    private readonly Task _sending;
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;

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
        _handOver.Dispose();
    }

    private async Task EncodeLoopAsync()
    {
        var encoder = new EncoderState(new OpenBatch(_options.BatchSize, _options.Precision));
        while (true)
        {
            try
            {
                if (!await EncodeStepAsync(encoder))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A bug: the callers of the batch being filled learn it; later writes go on.
                Log.WriterCrashed(_logger, e);
                encoder.FailPending(e);
            }
        }

        _outgoing.Writer.TryComplete();
    }

    /// <summary>Takes in what is queued, then waits for more or hands the batch over; false once the queue is closed and empty.</summary>
    private async Task<bool> EncodeStepAsync(EncoderState encoder)
    {
        var reader = _queue.Reader;
        var open = encoder.Batch;
        while (!open.IsFull && (encoder.Current is not null || (reader.TryPeek(out var head) && head.Statement is null && reader.TryRead(out encoder.Current))))
        {
            encoder.Next = open.Append(encoder.Current!, encoder.Next, _logger);
            if (encoder.Next == encoder.Current!.Points.Count)
            {
                (encoder.Current, encoder.Next) = (null, 0);
            }
        }

        var deleteFirst = encoder.Current is null && reader.TryPeek(out var queued) && queued.Statement is not null;
        if (open.Count == 0 && !deleteFirst)
        {
            if (encoder.Closed || !await (encoder.Arrival ??= reader.WaitToReadAsync(_stopping.Token).AsTask()))
            {
                return false;
            }

            encoder.Arrival = null;
            return true;
        }

        var idle = Volatile.Read(ref _idle).Task;
        if (!open.IsFull && !deleteFirst && !encoder.Closed && Volatile.Read(ref _inFlight) > 0)
        {
            // The sender is busy: keep merging what arrives meanwhile into this batch, and take in what arrived
            // once more before the batch goes.
            encoder.Arrival ??= reader.WaitToReadAsync(_stopping.Token).AsTask();
            await Task.WhenAny(idle, encoder.Arrival);
            if (encoder.Arrival.IsCompleted)
            {
                encoder.Closed = !await encoder.Arrival;
                encoder.Arrival = null;
            }

            return true;
        }

        // At most one batch waits behind the one being sent.
        await _handOver.WaitAsync(_stopping.Token);
        var batch = open.Count > 0 ? open.Take() : reader.TryRead(out var delete) ? OutgoingBatch.Of(delete) : null;
        Interlocked.Increment(ref _inFlight);
        if (batch is null || !_outgoing.Writer.TryWrite(batch))
        {
            Finished();
        }

        return true;
    }

    /// <summary>A handed-over batch is done: free its place, and tell the encoder when the sender is idle.</summary>
    private void Finished()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0)
        {
            Interlocked.Exchange(ref _idle, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        _handOver.Release();
    }

    private async Task SendLoopAsync()
    {
        await foreach (var outgoing in _outgoing.Reader.ReadAllAsync())
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                using var span = SyncTelemetry.StartSinkWrite(outgoing.Owners[0].Caller, outgoing.Batch.Count);
                var result = await _sender.SendAsync(outgoing.Batch, _stopping.Token);
                span?.SetTag(SyncTelemetry.OutcomeKey, result.Status.ToString().ToLowerInvariant());
                outgoing.Settle(result);
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    Log.BatchWritten(_logger, outgoing.Batch.Count, elapsedMs);
                }
            }
            catch (Exception e)
            {
                // E.g. the spool itself failed: these callers learn it and keep their cursors; later writes go on.
                Log.WriterCrashed(_logger, e);
                foreach (var owner in outgoing.Owners.Distinct())
                {
                    owner.Fail(e);
                }
            }
            finally
            {
                Finished();
            }
        }
    }
}
