using System.Text.Json;
using LiverMuscle.Sync.Sinks.InfluxDb.Http;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Query;

internal sealed class InfluxQueryClient(IInfluxHttpApi api, IOptions<InfluxDbOptions> options) : IInfluxQueryClient
{
    public async Task<InfluxQueryResult> QueryAsync(string influxQl, CancellationToken cancellationToken)
    {
        using var response = await api.QueryAsync(options.Value.Database, influxQl, null, cancellationToken);
        return await ReadAsync(influxQl, response, cancellationToken);
    }

    public async Task<InfluxQueryResult> ExecuteAsync(string influxQl, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["db"] = options.Value.Database, ["q"] = influxQl };
        using var response = await api.ExecuteAsync(form, cancellationToken);
        return await ReadAsync(influxQl, response, cancellationToken);
    }

    public async Task<string?> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await api.PingAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            return response.Headers.TryGetValues("X-Influxdb-Version", out var version) ? version.First() : "unknown";
        }
        catch (Exception e) when (TransportFailure.Is(e, cancellationToken))
        {
            return null;
        }
    }

    private static async Task<InfluxQueryResult> ReadAsync(string statement, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InfluxQueryException(statement, $"HTTP {(int)response.StatusCode}: {await InfluxErrorBody.ReadAsync(response, cancellationToken)}");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var root = json.RootElement;
        if (root.TryGetProperty("error", out var topError))
        {
            throw new InfluxQueryException(statement, topError.GetString() ?? "unknown error");
        }

        var statements = new List<InfluxStatementResult>();
        foreach (var result in root.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                throw new InfluxQueryException(statement, error.GetString() ?? "unknown error");
            }

            var id = result.TryGetProperty("statement_id", out var sid) ? sid.GetInt32() : statements.Count;
            statements.Add(new InfluxStatementResult(id, ReadSeries(result)));
        }

        return new InfluxQueryResult(statements);
    }

    private static List<InfluxSeries> ReadSeries(JsonElement result)
    {
        var series = new List<InfluxSeries>();
        if (!result.TryGetProperty("series", out var list))
        {
            return series;
        }

        foreach (var item in list.EnumerateArray())
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            if (item.TryGetProperty("tags", out var tagObject))
            {
                foreach (var tag in tagObject.EnumerateObject())
                {
                    tags[tag.Name] = tag.Value.GetString() ?? string.Empty;
                }
            }

            var columns = item.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            var values = item.TryGetProperty("values", out var rows)
                ? rows.EnumerateArray().Select(row => (IReadOnlyList<JsonElement>)row.EnumerateArray().Select(v => v.Clone()).ToList()).ToList()
                : [];
            series.Add(new InfluxSeries(item.TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty, tags, columns, values));
        }

        return series;
    }
}
