namespace LiverMuscle.Sync.Sinks.InfluxDb.Query;

/// <summary>A statement failed: the message names the statement and InfluxDB's reason.</summary>
public sealed class InfluxQueryException(string statement, string reason)
    : Exception($"InfluxQL '{statement}' failed: {reason}")
{
    public string Statement { get; } = statement;

    public string Reason { get; } = reason;
}
