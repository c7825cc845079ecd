using System.Globalization;
using System.Text.Json;
using LiverMuscle.Sync.Dashboards.Model;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;

namespace LiverMuscle.Sync.Worker.Preview;

/// <summary>One named line of a panel: times and values read back from InfluxDB.</summary>
internal sealed record PanelSeries(string Label, IReadOnlyList<DateTime> Times, IReadOnlyList<double> Values);

/// <summary>Turns InfluxDB series into labelled lines the way Grafana names them (alias with <c>$tag_…</c>, else the column).</summary>
internal static class PanelData
{
    public static IEnumerable<PanelSeries> Lines(InfluxQlTarget target, InfluxSeries series)
    {
        for (var column = 1; column < series.Columns.Count; column++)
        {
            var times = new List<DateTime>();
            var values = new List<double>();
            foreach (var row in series.Values)
            {
                if (Number(row[column]) is { } value)
                {
                    times.Add(DateTime.Parse(row[0].GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
                    values.Add(value);
                }
            }

            if (values.Count > 0)
            {
                yield return new PanelSeries(Label(target, series, series.Columns[column]), times, values);
            }
        }
    }

    public static string Label(InfluxQlTarget target, InfluxSeries series, string column)
    {
        var label = series.Columns.Count > 2 || string.IsNullOrEmpty(target.Alias) ? column : target.Alias;
        foreach (var (key, value) in series.Tags)
        {
            label = label.Replace("$tag_" + key, value, StringComparison.Ordinal);
        }

        return series.Tags.Count > 0 && !label.Contains(series.Tags.Values.First(), StringComparison.Ordinal)
            ? $"{label} {string.Join(' ', series.Tags.Values)}"
            : label;
    }

    public static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => null,
    };

    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble().ToString("0.##", CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "-",
    };
}
