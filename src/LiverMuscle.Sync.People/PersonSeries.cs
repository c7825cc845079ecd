using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;

namespace LiverMuscle.Sync.People;

/// <summary>The InfluxDB series tagged with a person (<c>"user" = 'id'</c>), in every measurement.</summary>
public static class PersonSeries
{
    public static string Where(string personId) => $"{InfluxQl.Identifier(TagNames.User)} = {InfluxQl.Literal(personId)}";

    /// <summary>Series count per measurement.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountAsync(IInfluxQueryClient influx, string personId, CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync($"SHOW SERIES WHERE {Where(personId)}", cancellationToken);
        return result.Series
            .SelectMany(s => s.Values)
            .Select(row => row[0].GetString() ?? string.Empty)
            .GroupBy(Measurement, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>The measurement of a series key (<c>measurement,tag=value,…</c>; commas in names are escaped).</summary>
    private static string Measurement(string seriesKey)
    {
        for (var i = 0; i < seriesKey.Length; i++)
        {
            if (seriesKey[i] == '\\')
            {
                i++;
            }
            else if (seriesKey[i] == ',')
            {
                return seriesKey[..i].Replace("\\", string.Empty, StringComparison.Ordinal);
            }
        }

        return seriesKey;
    }
}
