using System.Text.Json;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Http;

/// <summary>Reads the error text of a non-2xx answer: 1.x <c>{"error"}</c>, 2.x <c>{"message"}</c>, or plain text.</summary>
internal static class InfluxErrorBody
{
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        MessageOf(response, await response.Content.ReadAsStringAsync(cancellationToken));

    public static string MessageOf(HttpResponseMessage response, string text)
    {
        if (response.Headers.TryGetValues("X-Influxdb-Error", out var header) && string.IsNullOrWhiteSpace(text))
        {
            return header.First();
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            foreach (var name in (string[])["error", "message"])
            {
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the message (e.g. 1.x write throttling).
        }

        return string.IsNullOrWhiteSpace(text) ? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}" : text.Trim();
    }
}
