using System.Globalization;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

/// <summary>Reads back what landed in InfluxDB: source_id → value of one field.</summary>
internal static class InfluxReader
{
    public static async Task<Dictionary<long, double>> ValuesAsync(InfluxDbFixture influx, string database, string measurement, string field, string user)
    {
        using var json = await influx.ExecuteAsync($"SELECT \"{field}\", \"source_id\" FROM \"{measurement}\" WHERE \"user\"='{user}'", database);
        var result = new Dictionary<long, double>();
        var first = json.RootElement.GetProperty("results")[0];
        if (!first.TryGetProperty("series", out var series))
        {
            return result;
        }

        foreach (var row in series[0].GetProperty("values").EnumerateArray())
        {
            result[long.Parse(row[2].GetString()!, CultureInfo.InvariantCulture)] = row[1].GetDouble();
        }

        return result;
    }
}
