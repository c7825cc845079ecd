namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

internal enum SendStatus
{
    /// <summary>InfluxDB answered for every line: stored or rejected.</summary>
    Delivered,

    /// <summary>In the durable spool, to be replayed in order.</summary>
    Kept,

    /// <summary>InfluxDB could not be reached or would not take the batch now.</summary>
    Undelivered,
}
