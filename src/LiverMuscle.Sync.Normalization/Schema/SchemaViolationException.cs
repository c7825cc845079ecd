namespace LiverMuscle.Sync.Normalization.Schema;

/// <summary>A point does not fit the schema: the message names the measurement, key and what was expected.</summary>
internal sealed class SchemaViolationException(string message) : Exception(message);
