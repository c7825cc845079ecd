using System.Net;
using System.Text.Json;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>
/// Turns an HTTP answer into a <see cref="WithingsResponse"/>: the status lives in the JSON body; anything that is
/// not such a body (an HTML error page, an empty answer, a gateway 502) becomes a clear <c>NotJson</c> outcome.
/// </summary>
internal static class WithingsResponseReader
{
    public static async Task<WithingsResponse> ReadAsync(HttpResponseMessage http, CancellationToken cancellationToken)
    {
        var mediaType = http.Content.Headers.ContentType?.MediaType ?? string.Empty;
        var text = await http.Content.ReadAsStringAsync(cancellationToken);
        if (!http.IsSuccessStatusCode)
        {
            var kind = http.StatusCode == HttpStatusCode.TooManyRequests ? WithingsStatusKind.RateLimited
                : (int)http.StatusCode >= 500 ? WithingsStatusKind.Transient
                : WithingsStatusKind.NotJson;
            return new WithingsResponse((int)http.StatusCode, $"HTTP {(int)http.StatusCode} {Excerpt(text)}", default, kind);
        }

        if (!mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) && !text.TrimStart().StartsWith('{'))
        {
            return WithingsResponse.NotJson($"content type '{mediaType}', body '{Excerpt(text)}'");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var statusElement) || !statusElement.TryGetInt32(out var status))
            {
                return WithingsResponse.NotJson($"JSON without an integer 'status': '{Excerpt(text)}'");
            }

            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var body = root.TryGetProperty("body", out var b) ? b.Clone() : default;
            return new WithingsResponse(status, error, body, WithingsStatus.Classify(status));
        }
        catch (JsonException ex)
        {
            return WithingsResponse.NotJson($"malformed JSON ({ex.Message}): '{Excerpt(text)}'");
        }
    }

    private static string Excerpt(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 120 ? flat : flat[..120] + "…";
    }
}
