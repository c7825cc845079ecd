namespace LiverMuscle.Sync.State;

/// <summary>
/// A write kept for replay while the database is unreachable. <paramref name="Kind"/> tells the sink how to replay
/// <paramref name="Payload"/> (e.g. line protocol or a delete statement). Entries replay in <paramref name="Id"/> order.
/// </summary>
public sealed record SpoolEntry(long Id, string Kind, byte[] Payload, DateTimeOffset CreatedAt);
