namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>InfluxDB answered, but not in a way that lets a write proceed (e.g. the database cannot be created).</summary>
public sealed class InfluxUnavailableException(string message) : Exception(message);
