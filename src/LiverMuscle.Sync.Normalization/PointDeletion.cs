namespace LiverMuscle.Sync.Normalization;

/// <summary>
/// Points to remove because they vanished at the source: every point of <paramref name="Measurement"/> whose tags
/// equal <paramref name="Tags"/> with a time in [<paramref name="From"/>, <paramref name="To"/>] (both inclusive).
/// A single point is deleted with From = To = its timestamp.
/// </summary>
public sealed record PointDeletion(string Measurement, IReadOnlyDictionary<string, string> Tags, DateTimeOffset From, DateTimeOffset To)
{
    public static PointDeletion Of(Point point) => new(point.Measurement, point.Tags, point.Timestamp, point.Timestamp);

    public override string ToString() =>
        $"{Measurement}[{string.Join(',', Tags.Select(t => t.Key + "=" + t.Value))}] {From.UtcDateTime:O}..{To.UtcDateTime:O}";
}
