using System.Net.Http.Json;
using System.Text.Json;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using Xunit;

namespace LiverMuscle.Sync.Testing;

/// <summary>
/// A real InfluxDB 1.x (<c>influxd</c>) on a free loopback port for one test class or collection. Fails with a clear
/// message when the binary is missing. Use <see cref="NewDatabaseAsync"/> for a fresh database per test.
/// </summary>
public sealed class InfluxDbFixture : IAsyncLifetime
{
    private static readonly HttpClient Http = new();
    private int _databases;

    public LocalInfluxDbServer Server { get; private set; } = null!;

    public Uri Url => Server.Url;

    public async Task InitializeAsync() => Server = await LocalInfluxDbServer.StartNewAsync(null, CancellationToken.None);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Creates a database with a unique name and returns the name.</summary>
    public async Task<string> NewDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 14, 60)];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", null);
        return name;
    }

    /// <summary>Runs InfluxQL and returns the raw JSON; fails on any statement error.</summary>
    public async Task<JsonDocument> ExecuteAsync(string influxQl, string? database)
    {
        var form = new Dictionary<string, string> { ["q"] = influxQl };
        if (database is not null)
        {
            form["db"] = database;
        }

        using var response = await Http.PostAsync(new Uri(Url, "/query"), new FormUrlEncodedContent(form));
        var json = await response.Content.ReadFromJsonAsync<JsonDocument>() ?? throw new InvalidOperationException("Empty /query answer.");
        if (!response.IsSuccessStatusCode || json.RootElement.TryGetProperty("error", out _) ||
            json.RootElement.GetProperty("results").EnumerateArray().Any(r => r.TryGetProperty("error", out _)))
        {
            throw new InvalidOperationException($"InfluxQL '{influxQl}' failed: {json.RootElement}");
        }

        return json;
    }

    /// <summary>The first value of the first series of the first statement, or null when there are no rows.</summary>
    public async Task<JsonElement?> ScalarAsync(string influxQl, string database)
    {
        using var json = await ExecuteAsync(influxQl, database);
        var result = json.RootElement.GetProperty("results")[0];
        if (!result.TryGetProperty("series", out var series))
        {
            return null;
        }

        return series[0].GetProperty("values")[0][1].Clone();
    }

    /// <summary><c>SELECT count(field) FROM measurement</c>, 0 when empty.</summary>
    public async Task<long> CountAsync(string database, string measurement, string field, string? where = null)
    {
        var value = await ScalarAsync($"SELECT count(\"{field}\") FROM \"{measurement}\"{(where is null ? string.Empty : " WHERE " + where)}", database);
        return value?.GetInt64() ?? 0;
    }

    /// <summary>The points of <paramref name="measurement"/> tagged with the user (every row of <c>SELECT *</c>).</summary>
    public async Task<long> PointsAsync(string database, string measurement, string user)
    {
        using var json = await ExecuteAsync($"SELECT * FROM \"{measurement}\" WHERE \"user\" = '{user}'", database);
        var result = json.RootElement.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series) ? series.EnumerateArray().Sum(s => s.GetProperty("values").GetArrayLength()) : 0;
    }

    /// <summary>The keys of every series tagged with the user, in every measurement, sorted.</summary>
    public async Task<IReadOnlyList<string>> SeriesAsync(string database, string user)
    {
        using var json = await ExecuteAsync($"SHOW SERIES WHERE \"user\" = '{user}'", database);
        var result = json.RootElement.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series)
            ? [.. series.EnumerateArray().SelectMany(s => s.GetProperty("values").EnumerateArray()).Select(v => v[0].GetString()!).Order(StringComparer.Ordinal)]
            : [];
    }
}
