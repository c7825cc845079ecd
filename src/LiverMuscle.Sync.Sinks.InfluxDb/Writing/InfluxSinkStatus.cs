using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

internal sealed class InfluxSinkStatus(IWriteSpool spool, SpoolingBatchSender sender) : ISinkStatus
{
    public async Task<SinkStatus> GetAsync(CancellationToken cancellationToken)
    {
        var depth = await spool.MeasureAsync(cancellationToken);
        return new SinkStatus(depth.Batches, depth.Bytes, depth.OldestAt, sender.LastDeliveredAt);
    }
}
