using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// The durable-spool decorator: a batch InfluxDB cannot take now goes to <see cref="IWriteSpool"/> and counts as
/// kept. While the spool holds anything (from this process or another sharing the store), a batch first replays it —
/// at most once per <c>InfluxDb:ReplayInterval</c>, once <c>/ping</c> answers, under the store's replay lease — and
/// is kept behind it when that does not empty it, so the order of writes and deletes holds. One gate serialises
/// direct sends and replay in this process.
/// </summary>
internal sealed class SpoolingBatchSender(
    IBatchSender inner,
    IWriteSpool spool,
    IInfluxQueryClient influx,
    IOptions<InfluxDbOptions> options,
    TimeProvider time,
    ILogger<SpoolingBatchSender> logger) : IBatchSender, IDisposable
{
    private const int ReplayChunk = 16;
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _lastReplayAttempt;
    private long _lastDeliveredTicks;

    /// <summary>When this process last had a batch accepted by InfluxDB (null: not yet).</summary>
    public DateTimeOffset? LastDeliveredAt => Interlocked.Read(ref _lastDeliveredTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public async Task<SendResult> SendAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await spool.CountAsync(cancellationToken) > 0 && await ReplayCoreAsync(onlyWhenDue: true, cancellationToken) > 0)
            {
                return await KeepAsync(batch, "earlier writes are still spooled", cancellationToken);
            }

            var result = await inner.SendAsync(batch, cancellationToken);
            if (result.Delivered)
            {
                MarkDelivered();
                return result;
            }

            return await KeepAsync(batch, result.Error, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sends spooled batches in order, removing each only after InfluxDB took it. Stops at the first one that cannot
    /// be delivered, and does nothing while InfluxDB does not answer or another replayer holds the lease. Returns the
    /// number still spooled.
    /// </summary>
    public async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await ReplayCoreAsync(onlyWhenDue: false, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<int> ReplayCoreAsync(bool onlyWhenDue, CancellationToken cancellationToken)
    {
        if (onlyWhenDue && _lastReplayAttempt is { } last && time.GetElapsedTime(last) < options.Value.ReplayInterval)
        {
            return await spool.CountAsync(cancellationToken);
        }

        _lastReplayAttempt = time.GetTimestamp();
        if (!await ReachableAsync(cancellationToken))
        {
            return await spool.CountAsync(cancellationToken);
        }

        await using var lease = await spool.TryLeaseReplayAsync(cancellationToken);
        if (lease is null)
        {
            return await spool.CountAsync(cancellationToken);
        }

        var replayed = 0;
        while (true)
        {
            var entries = await spool.PeekAsync(ReplayChunk, cancellationToken);
            if (entries.Count == 0)
            {
                return 0;
            }

            if (replayed == 0 && logger.IsEnabled(LogLevel.Information))
            {
                var spooled = await spool.CountAsync(cancellationToken);
                Log.ReplayStarting(logger, spooled);
            }

            foreach (var entry in entries)
            {
                if (!lease.IsHeld || !(await inner.SendAsync(WriteBatch.FromSpool(entry.Kind, entry.Payload), cancellationToken)).Delivered)
                {
                    return await spool.CountAsync(cancellationToken);
                }

                MarkDelivered();
                await spool.RemoveAsync(entry.Id, cancellationToken);
                replayed++;
                Log.Replayed(logger, entry.Id, entry.Kind);
            }
        }
    }

    private async Task<bool> ReachableAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(PingTimeout < options.Value.RequestTimeout ? PingTimeout : options.Value.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await influx.PingAsync(linked.Token) is not null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void MarkDelivered() => Interlocked.Exchange(ref _lastDeliveredTicks, time.GetUtcNow().UtcTicks);

    private async Task<SendResult> KeepAsync(WriteBatch batch, string? error, CancellationToken cancellationToken)
    {
        await spool.EnqueueAsync(batch.SpoolKind, batch.Payload, cancellationToken);
        Log.Spooled(logger, batch.Count, error ?? "unknown");
        return SendResult.Kept(error);
    }
}
