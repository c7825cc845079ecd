using System.Net.Http.Json;
using System.Text.Json;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>Counts points by InfluxQL on a server the test owns (outside the shared fixture).</summary>
internal sealed class InfluxDbCounter(Uri url) : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    public async Task<long> CountAsync(string database, string measurement, string field)
    {
        var query = Uri.EscapeDataString($"SELECT count(\"{field}\") FROM \"{measurement}\"");
        var json = await _http.GetFromJsonAsync<JsonElement>(new Uri(url, $"/query?db={database}&q={query}"));
        var result = json.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series) ? series[0].GetProperty("values")[0][1].GetInt64() : 0;
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
