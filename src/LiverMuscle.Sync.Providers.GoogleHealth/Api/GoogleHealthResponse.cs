using System.Net;
using System.Text.Json;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Api;

/// <summary>
/// An answer read to the end: the HTTP status, the body, and how long Google asked to wait (<c>Retry-After</c>, else
/// <c>google.rpc.RetryInfo.retryDelay</c> in the error details). Errors come in Google's envelope
/// <c>{"error":{"code","message","status","details":[{"reason"}]}}</c>.
/// </summary>
internal sealed record GoogleHealthResponse(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public static async Task<GoogleHealthResponse> ReadAsync(HttpResponseMessage http, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await http.Content.ReadAsStringAsync(cancellationToken);
        var retryAfter = Infrastructure.Http.RetryAfter.Read(http, time);
        var response = new GoogleHealthResponse(http.StatusCode, body, retryAfter);
        return retryAfter is null && response.Error is { RetryDelay: { } delay } ? response with { RetryAfter = delay } : response;
    }

    public GoogleError? Error => GoogleError.Parse(Body);

    /// <summary>One line for logs and sync outcomes: status, Google's status name, reason and message.</summary>
    public string Describe() => Error is { } e
        ? $"HTTP {(int)Status} {e.Status}{(e.Reason is null ? string.Empty : " " + e.Reason)}: {e.Message}"
        : $"HTTP {(int)Status}{(Body.Length == 0 ? string.Empty : ": " + Truncate(Body))}";

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

/// <summary>The parts of Google's error envelope the connector acts on.</summary>
internal sealed record GoogleError(string? Status, string? Message, string? Reason, TimeSpan? RetryDelay)
{
    public static GoogleError? Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? reason = null;
            TimeSpan? retryDelay = null;
            if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in details.EnumerateArray())
                {
                    reason ??= String(detail, "reason");
                    if (String(detail, "retryDelay") is { } text && ProtoDurationConverter.TryParse(text, out var delay))
                    {
                        retryDelay = delay;
                    }
                }
            }

            return new GoogleError(String(error, "status"), String(error, "message"), reason, retryDelay);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
