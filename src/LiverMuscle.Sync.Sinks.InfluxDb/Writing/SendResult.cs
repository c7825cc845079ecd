namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// What became of one batch: delivered (every line stored except the rejected ones, which InfluxDB refused or may
/// have dropped and which are not retried), kept in the durable spool for replay, or not delivered (InfluxDB
/// unreachable). Rejections name lines by their index in the batch.
/// </summary>
internal sealed record SendResult(SendStatus Status, IReadOnlyList<LineRejection> Rejections, string? Error)
{
    public bool Delivered => Status == SendStatus.Delivered;

    public static SendResult Success(IReadOnlyList<LineRejection> rejections) => new(SendStatus.Delivered, rejections, null);

    public static SendResult Undelivered(string error) => new(SendStatus.Undelivered, [], error);

    public static SendResult Kept(string? error) => new(SendStatus.Kept, [], error);
}
