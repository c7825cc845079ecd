using System.Text.Json.Serialization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers.Ledger;

/// <summary>
/// What was written for one record: its point's time (unix seconds), the day it belongs to, the names of the fields
/// the point holds and its tags (each null in entries written before it was kept).
/// </summary>
public sealed record LedgerEntry(
    [property: JsonPropertyName("t")] long Time,
    [property: JsonPropertyName("d")] DateOnly Day,
    [property: JsonPropertyName("f")] IReadOnlyList<string>? Fields = null,
    [property: JsonPropertyName("g")] IReadOnlyDictionary<string, string>? Tags = null)
{
    public static LedgerEntry Of(SourceRecord record) =>
        new(record.Point.Timestamp.ToUnixTimeSeconds(), record.Day, [.. record.Point.Fields.Keys], new SortedDictionary<string, string>(record.Point.Tags.ToDictionary(), StringComparer.Ordinal));

    public DateTimeOffset At => DateTimeOffset.FromUnixTimeSeconds(Time);

    /// <summary>
    /// True when <paramref name="point"/> cannot simply overwrite what was written for this record, because InfluxDB
    /// would keep the old point or old fields beside it: it has another time or other tags (a point's identity), or
    /// it lacks a field the written point holds. When the written tags are not known, they may differ.
    /// </summary>
    public bool IsStaleFor(Point point) =>
        point.Timestamp.ToUnixTimeSeconds() != Time
        || Tags is null
        || Tags.Count != point.Tags.Count
        || point.Tags.Any(tag => !Tags.TryGetValue(tag.Key, out var written) || written != tag.Value)
        || (Fields is { } fields && fields.Any(field => !point.Fields.ContainsKey(field)));
}
