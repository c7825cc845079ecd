namespace LiverMuscle.Sync.Normalization;

/// <summary>
/// One normalised record in the shared schema. Identity is measurement + tag set + timestamp: writing a point with
/// the same identity again overwrites its fields. Build points with <see cref="PointBuilder"/>, which checks them
/// against <see cref="Schema.SchemaRegistry"/>.
/// </summary>
public sealed class Point
{
    internal Point(string measurement, SortedDictionary<string, string> tags, SortedDictionary<string, FieldValue> fields, DateTimeOffset timestamp)
    {
        Measurement = measurement;
        Tags = tags;
        Fields = fields;
        Timestamp = timestamp;
    }

    public string Measurement { get; }

    /// <summary>Tags sorted by key (ordinal), as InfluxDB prefers them.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>Fields sorted by key (ordinal).</summary>
    public IReadOnlyDictionary<string, FieldValue> Fields { get; }

    /// <summary>The point's time in UTC.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>A readable identity for error messages: measurement, tags and time.</summary>
    public string Describe() =>
        $"{Measurement}[{string.Join(',', Tags.Select(t => t.Key + "=" + t.Value))}]@{Timestamp.UtcDateTime:O}";

    public override string ToString() => Describe();
}
