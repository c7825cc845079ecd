using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// What became of one batch: delivered (every line stored except the rejected ones, which InfluxDB refused and
/// which are not retried), kept in the durable spool for replay, or not delivered (InfluxDB unreachable).
/// </summary>
public sealed record SendResult(bool Delivered, bool Spooled, IReadOnlyList<RejectedPoint> Rejected, string? Error)
{
    public static SendResult Success(IReadOnlyList<RejectedPoint> rejected) => new(true, false, rejected, null);

    public static SendResult Undelivered(string error) => new(false, false, [], error);

    public static SendResult Kept(string? error) => new(false, true, [], error);
}
