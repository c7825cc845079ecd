using System.Text.Json.Nodes;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>One stored data point: its place in the ordering, its local start for civil filters, and its JSON.</summary>
internal sealed class StoredPoint
{
    public required string Name { get; init; }

    public required string DataType { get; init; }

    /// <summary>Interval start or sample time (UTC); the list order is by this, newest first.</summary>
    public required DateTimeOffset Time { get; init; }

    public required TimeSpan UtcOffset { get; init; }

    /// <summary>The typed value (<see cref="SandboxExercise"/>, …); null for a malformed point.</summary>
    public object? Record { get; init; }

    public required Func<JsonObject> Json { get; init; }

    /// <summary>Who recorded the point (its <c>dataSource</c>); null for a malformed point.</summary>
    public PointSource? Source { get; init; }

    /// <summary>Set when the point is another source's record of an event a typed record stands for.</summary>
    public SandboxCopy? Copy { get; init; }

    public bool Deleted { get; set; }

    public DateTime LocalStart => Time.UtcDateTime + UtcOffset;

    /// <summary>This point served as another source's record of the event <paramref name="primary"/> stands for.</summary>
    public StoredPoint AsCopyOf(StoredPoint primary, bool named) => new()
    {
        Name = Name,
        DataType = DataType,
        Time = Time,
        UtcOffset = UtcOffset,
        Json = Json,
        Source = Source,
        Copy = new SandboxCopy(Name, named, DataType, primary.Name, Source?.Platform ?? "PLATFORM_UNSPECIFIED"),
    };
}
