using System.Globalization;
using System.Text.Json;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Query;

/// <summary>Typed reads of the rows of a series: the <c>time</c> column and numeric or string columns by name.</summary>
public static class InfluxRows
{
    public static IEnumerable<InfluxRow> Rows(this InfluxSeries series)
    {
        var time = series.ColumnIndex("time");
        foreach (var values in series.Values)
        {
            yield return new InfluxRow(series, values, DateTimeOffset.Parse(values[time].GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        }
    }

    /// <summary>Every row of every series of the first statement.</summary>
    public static IEnumerable<InfluxRow> Rows(this InfluxQueryResult result) => result.Series.SelectMany(s => s.Rows());
}

/// <summary>One row: its series (for GROUP BY tags), its values and its time in UTC.</summary>
public sealed record InfluxRow(InfluxSeries Series, IReadOnlyList<JsonElement> Values, DateTimeOffset Time)
{
    public double? Double(string column)
    {
        var value = Values[Series.ColumnIndex(column)];
        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
    }

    public string? String(string column)
    {
        var value = Values[Series.ColumnIndex(column)];
        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    public string? Tag(string key) => Series.Tags.GetValueOrDefault(key);
}
