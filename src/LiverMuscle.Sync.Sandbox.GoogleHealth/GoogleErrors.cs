using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>The standard Google JSON error envelope (§5.2): <c>{"error":{code,message,status,details[ErrorInfo]}}</c>.</summary>
internal static class GoogleErrors
{
    public const string Service = "health.googleapis.com";

    public static IResult InvalidArgumentWithoutDetails() =>
        Envelope(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", null);

    public static IResult BadRequest(string reason, string message, bool filter = false)
    {
        var metadata = new JsonObject { ["service"] = Service };
        if (filter)
        {
            metadata["detailedReasons"] = reason;
        }

        return Envelope(400, "INVALID_ARGUMENT", message, ErrorInfo(reason, Service, metadata));
    }

    public static IResult Unauthenticated(string reason) =>
        Envelope(
            401,
            "UNAUTHENTICATED",
            "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
            ErrorInfo(reason, "googleapis.com", new JsonObject { ["service"] = Service }),
            new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"" });

    public static IResult ScopeInsufficient() =>
        Envelope(
            403,
            "PERMISSION_DENIED",
            "Request had insufficient authentication scopes.",
            ErrorInfo("ACCESS_TOKEN_SCOPE_INSUFFICIENT", "googleapis.com", new JsonObject { ["service"] = Service }));

    public static IResult DisallowedScopes() =>
        Envelope(
            403,
            "PERMISSION_DENIED",
            "The request contains OAuth scopes that are not allowed for this API.",
            ErrorInfo("DISALLOWED_OAUTH_SCOPES", Service, new JsonObject { ["disallowed_scopes"] = "cloud_platform" }));

    public static IResult PermissionDenied() =>
        Envelope(403, "PERMISSION_DENIED", "The caller does not have permission", ErrorInfo("RESOURCE_PERMISSION_DENIED", Service, new JsonObject()));

    public static IResult NotFound(string message) =>
        Envelope(404, "NOT_FOUND", message, ErrorInfo("RESOURCE_NOT_FOUND", Service, new JsonObject()));

    public static IResult RateLimited(TimeSpan retryAfter, bool retryAfterHeader, bool retryInfo)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        var details = ErrorInfo(
            "RATE_LIMIT_EXCEEDED",
            "googleapis.com",
            new JsonObject { ["service"] = Service, ["quota_limit"] = "RequestsPerMinutePerUser", ["quota_metric"] = "health.googleapis.com/requests" });
        if (retryInfo)
        {
            details.Add(new JsonObject { ["@type"] = "type.googleapis.com/google.rpc.RetryInfo", ["retryDelay"] = WireFormat.Int64(seconds) + "s" });
        }

        return Envelope(
            429,
            "RESOURCE_EXHAUSTED",
            "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute per user' of service 'health.googleapis.com'.",
            details,
            retryAfterHeader ? new Dictionary<string, string> { ["Retry-After"] = WireFormat.Int64(seconds) } : null);
    }

    /// <summary>An injected failure: 500 INTERNAL, 503 UNAVAILABLE, 429, 403, 400 ACCOUNT_NOT_LINKED, 504, or 502 as an HTML front-end page.</summary>
    public static IResult Injected(int status, bool retryAfterHeader, bool retryInfo) => status switch
    {
        429 => RateLimited(TimeSpan.FromSeconds(30), retryAfterHeader, retryInfo),
        403 => PermissionDenied(),
        400 => Envelope(400, "FAILED_PRECONDITION", "The Google account is not linked to Google Health.", ErrorInfo("ACCOUNT_NOT_LINKED", Service, new JsonObject())),
        401 => Unauthenticated("ACCESS_TOKEN_EXPIRED"),
        500 => Envelope(500, "INTERNAL", "Internal error encountered.", null),
        503 => Envelope(503, "UNAVAILABLE", "The service is currently unavailable.", null),
        504 => Envelope(504, "DEADLINE_EXCEEDED", "The request timed out.", null),
        502 => Results.Content("<!DOCTYPE html><html><title>Error 502 (Server Error)!!1</title><p><b>502.</b> That’s an error.</p></html>", "text/html; charset=UTF-8", null, 502),
        _ => Envelope(status, "UNKNOWN", "Unknown error.", null),
    };

    private static JsonArray ErrorInfo(string reason, string domain, JsonObject metadata) =>
    [
        new JsonObject
        {
            ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
            ["reason"] = reason,
            ["domain"] = domain,
            ["metadata"] = metadata,
        },
    ];

    private static JsonAnswer Envelope(int code, string status, string message, JsonArray? details, Dictionary<string, string>? headers = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status };
        if (details is not null)
        {
            error["details"] = details;
        }

        return new JsonAnswer(new JsonObject { ["error"] = error }, code, headers);
    }
}
