using System.Globalization;
using System.Text.Json;

namespace LiverMuscle.Sync.Testing;

public static class InfluxPointFields
{
    /// <summary>The fields (not tags) holding a value in every row of <paramref name="measurement"/> at <paramref name="time"/> for one user.</summary>
    public static async Task<IReadOnlySet<string>> FieldsAtAsync(this InfluxDbFixture influx, string database, string measurement, string user, DateTimeOffset time)
    {
        var at = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var keys = await influx.ExecuteAsync($"SHOW FIELD KEYS FROM \"{measurement}\"", database);
        var fields = keys.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values").EnumerateArray().Select(v => v[0].GetString()!).ToHashSet();
        using var rows = await influx.ExecuteAsync($"SELECT * FROM \"{measurement}\" WHERE \"user\" = '{user}' AND time = '{at}'", database);
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (rows.RootElement.GetProperty("results")[0].TryGetProperty("series", out var series))
        {
            var columns = series[0].GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            foreach (var row in series[0].GetProperty("values").EnumerateArray())
            {
                held.UnionWith(columns.Where((c, i) => fields.Contains(c) && row[i].ValueKind != JsonValueKind.Null));
            }
        }

        return held;
    }
}
