using System.Text.Json;

namespace LiverMuscle.Sync.Testing;

public static class InfluxRows
{
    /// <summary>Every row of the first statement's series as column → value (<c>time</c>, tags and fields), in series order.</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> RowsAsync(this InfluxDbFixture influx, string database, string influxQl)
    {
        using var json = await influx.ExecuteAsync(influxQl, database);
        var rows = new List<IReadOnlyDictionary<string, JsonElement>>();
        if (!json.RootElement.GetProperty("results")[0].TryGetProperty("series", out var series))
        {
            return rows;
        }

        foreach (var serie in series.EnumerateArray())
        {
            var columns = serie.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            var tags = serie.TryGetProperty("tags", out var t) ? t.EnumerateObject().Select(p => (p.Name, p.Value.Clone())).ToList() : [];
            foreach (var values in serie.GetProperty("values").EnumerateArray())
            {
                var row = columns.Select((c, i) => (c, values[i].Clone())).Concat(tags).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
                rows.Add(row);
            }
        }

        return rows;
    }
}
