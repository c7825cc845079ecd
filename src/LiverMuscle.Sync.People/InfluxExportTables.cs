using System.Text.Json;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;

namespace LiverMuscle.Sync.People;

/// <summary>Every InfluxDB measurement with points of a person, one export table each (time, tags and fields as columns).</summary>
internal sealed class InfluxExportTables(IInfluxQueryClient influx)
{
    private const int PageSize = 5000;

    private static readonly Dictionary<string, string> Contents = new(StringComparer.Ordinal)
    {
        [Measurements.HealthMarker] = "health markers: blood work, scans, strength self-tests and computed FIB-4 / muscle mass index",
        [Measurements.StrengthSession] = "strength sessions",
        [Measurements.NutritionDaily] = "nutrition per local day (protein, energy, carbohydrate, fat, fibre)",
        [Measurements.BodyComposition] = "body composition of every weigh-in",
        [Measurements.AdherenceWeekly] = "weekly adherence to the goals",
        [Measurements.AlertEvent] = "alert history: every state transition of every rule",
        [Measurements.SyncRun] = "sync runs",
        [Measurements.SyncHealth] = "sync health per provider",
    };

    public async Task<IReadOnlyList<ExportTable>> ReadAsync(string personId, CancellationToken cancellationToken)
    {
        var measurements = await influx.QueryAsync($"SHOW MEASUREMENTS WHERE {PersonSeries.Where(personId)}", cancellationToken);
        var tables = new List<ExportTable>();
        foreach (var name in measurements.Series.SelectMany(s => s.Values).Select(v => v[0].GetString()!).Order(StringComparer.Ordinal))
        {
            tables.Add(await ReadMeasurementAsync(personId, name, cancellationToken));
        }

        return tables;
    }

    private async Task<ExportTable> ReadMeasurementAsync(string personId, string measurement, CancellationToken cancellationToken)
    {
        var columns = new List<string>();
        var rows = new List<Dictionary<string, string?>>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await influx.QueryAsync(
                $"SELECT * FROM {InfluxQl.Identifier(measurement)} WHERE {PersonSeries.Where(personId)} LIMIT {PageSize} OFFSET {offset}", cancellationToken);
            var read = 0;
            foreach (var series in page.Series)
            {
                columns.AddRange(series.Columns.Where(c => !columns.Contains(c)));
                foreach (var values in series.Values)
                {
                    rows.Add(series.Columns.Select((c, i) => (c, Text(values[i]))).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal));
                    read++;
                }
            }

            if (read < PageSize)
            {
                break;
            }
        }

        var name = measurement.Replace('/', '_') + ".csv";
        return new ExportTable(name, Contents.GetValueOrDefault(measurement, $"points of the measurement '{measurement}'"), columns,
            [.. rows.Select(r => (IReadOnlyList<string?>)[.. columns.Select(c => r.GetValueOrDefault(c))])]);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
