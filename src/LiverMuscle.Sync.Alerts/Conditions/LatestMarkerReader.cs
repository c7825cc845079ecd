using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;

namespace LiverMuscle.Sync.Alerts.Conditions;

/// <summary>The most recent value of a marker of a user, from any source.</summary>
internal sealed class LatestMarkerReader(IInfluxQueryClient query)
{
    public async Task<(DateTimeOffset Time, double Value)?> LatestAsync(string userId, string marker, CancellationToken cancellationToken)
    {
        var result = await query.QueryAsync(
            $"SELECT {InfluxQl.Identifier(FieldNames.HealthMarker.Value)} FROM {InfluxQl.Identifier(Measurements.HealthMarker)} " +
            $"WHERE {InfluxQl.Identifier(TagNames.User)} = {InfluxQl.Literal(userId)} AND {InfluxQl.Identifier(TagNames.Marker)} = {InfluxQl.Literal(marker)} " +
            "ORDER BY time DESC LIMIT 1",
            cancellationToken);
        var row = result.Rows().FirstOrDefault();
        return row?.Double(FieldNames.HealthMarker.Value) is { } value ? (row.Time, value) : null;
    }

    /// <summary>The latest time of every marker of a user.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LatestTimesAsync(string userId, CancellationToken cancellationToken)
    {
        var result = await query.QueryAsync(
            $"SELECT last({InfluxQl.Identifier(FieldNames.HealthMarker.Value)}) FROM {InfluxQl.Identifier(Measurements.HealthMarker)} " +
            $"WHERE {InfluxQl.Identifier(TagNames.User)} = {InfluxQl.Literal(userId)} GROUP BY {InfluxQl.Identifier(TagNames.Marker)}",
            cancellationToken);
        return result.Rows().ToDictionary(r => r.Tag(TagNames.Marker)!, r => r.Time, StringComparer.Ordinal);
    }
}
