using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// The durable-spool decorator: a batch InfluxDB cannot take now goes to <see cref="IWriteSpool"/> and counts as
/// kept; while anything is spooled, new batches queue behind it so the order of writes and deletes holds. One gate
/// serialises direct sends and replay.
/// </summary>
public sealed class SpoolingBatchSender(IBatchSender inner, IWriteSpool spool, ILogger<SpoolingBatchSender> logger) : IBatchSender, IDisposable
{
    private const int ReplayChunk = 16;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int? _spooled;

    /// <summary>Batches waiting in the spool, as far as this process knows (read from the store at first use).</summary>
    public int SpooledCount => _spooled ?? 0;

    public async Task<SendResult> SendAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _spooled ??= await spool.CountAsync(cancellationToken);
            if (_spooled == 0)
            {
                var result = await inner.SendAsync(batch, cancellationToken);
                if (result.Delivered)
                {
                    return result;
                }

                return await KeepAsync(batch, result.Error, cancellationToken);
            }

            return await KeepAsync(batch, "earlier writes are still spooled", cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sends spooled batches in order, removing each only after InfluxDB took it. Stops at the first one that cannot
    /// be delivered. Returns the number still spooled.
    /// </summary>
    public async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _spooled = await spool.CountAsync(cancellationToken);
            if (_spooled > 0)
            {
                Log.ReplayStarting(logger, _spooled.Value);
            }

            while (_spooled > 0)
            {
                var entries = await spool.PeekAsync(ReplayChunk, cancellationToken);
                foreach (var entry in entries)
                {
                    var result = await inner.SendAsync(WriteBatch.FromSpool(entry.Kind, entry.Payload), cancellationToken);
                    if (!result.Delivered)
                    {
                        return _spooled.Value;
                    }

                    await spool.RemoveAsync(entry.Id, cancellationToken);
                    _spooled--;
                    Log.Replayed(logger, entry.Id, entry.Kind);
                }

                if (entries.Count == 0)
                {
                    _spooled = 0;
                }
            }

            return 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<SendResult> KeepAsync(WriteBatch batch, string? error, CancellationToken cancellationToken)
    {
        await spool.EnqueueAsync(batch.Kind, batch.Payload, cancellationToken);
        _spooled++;
        Log.Spooled(logger, batch.Count, error ?? "unknown");
        return SendResult.Kept(error);
    }
}
