using System.Text.Json.Serialization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers.Ledger;

/// <summary>
/// What was written for one record: its point's time (unix seconds), the day it belongs to, and the names of the
/// fields the point holds (null in entries written before field names were kept).
/// </summary>
public sealed record LedgerEntry(
    [property: JsonPropertyName("t")] long Time,
    [property: JsonPropertyName("d")] DateOnly Day,
    [property: JsonPropertyName("f")] IReadOnlyList<string>? Fields = null)
{
    public static LedgerEntry Of(SourceRecord record) =>
        new(record.Point.Timestamp.ToUnixTimeSeconds(), record.Day, [.. record.Point.Fields.Keys]);

    public DateTimeOffset At => DateTimeOffset.FromUnixTimeSeconds(Time);

    /// <summary>
    /// True when <paramref name="point"/> cannot simply overwrite what was written for this record: it has another
    /// time, or it lacks a field the written point holds (InfluxDB would keep that old field beside the new ones).
    /// </summary>
    public bool IsStaleFor(Point point) =>
        point.Timestamp.ToUnixTimeSeconds() != Time || (Fields is { } written && written.Any(field => !point.Fields.ContainsKey(field)));
}
