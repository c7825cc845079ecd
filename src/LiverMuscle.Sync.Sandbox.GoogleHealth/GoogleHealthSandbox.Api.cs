using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

public sealed partial class GoogleHealthSandbox
{
    private static readonly HashSet<string> SystemParameters =
        ["$.xgafv", "access_token", "alt", "callback", "fields", "key", "oauth_token", "prettyPrint", "quotaUser", "upload_protocol", "uploadType"];

    private void MapEndpoints()
    {
        _app.MapGet("/{version}/users/{parent}/dataTypes/{type}/dataPoints", (HttpContext c, string version, string parent, string type) =>
            Api(c, version, (user, grant) => List(c.Request, user, grant, parent, type)));
        _app.MapGet("/{version}/users/{parent}/dataTypes/{type}/dataPoints/{point}", (HttpContext c, string version, string parent, string type, string point) =>
            Api(c, version, (user, grant) => Get(user, grant, parent, type, point)));
        _app.MapPost("/{version}/users/{parent}/dataTypes/{type}/dataPoints:dailyRollUp", async (HttpContext c, string version, string parent, string type) =>
        {
            var body = await ReadJsonAsync(c.Request);
            return Api(c, version, (user, grant) => RollUp(user, grant, parent, type, body));
        });
        _app.MapGet("/{version}/users/{parent}/identity", (HttpContext c, string version, string parent) =>
            Api(c, version, (user, grant) => Identity(user, grant, parent)));
        _app.MapGet("/{version}/users/{parent}/settings", (HttpContext c, string version, string parent) =>
            Api(c, version, (user, grant) => Settings(user, grant, parent)));
        _app.Map("/legacy-fitbit/{**path}", () =>
        {
            CountRequest();
            return new JsonAnswer(
                new JsonObject
                {
                    ["errors"] = new JsonArray(new JsonObject { ["errorType"] = "gone", ["message"] = "The Fitbit Web API has been turned off. Use the Google Health API." }),
                    ["success"] = false,
                },
                StatusCodes.Status410Gone);
        });
        MapOAuth();
        _app.MapFallback(() => NotFoundPage());
    }

    private IResult Api(HttpContext context, string version, Func<SandboxUser, Grant, IResult> handle)
    {
        CountRequest();
        if (version != "v4" && !(version == "v4beta" && _options.ServeV4Beta))
        {
            return NotFoundPage();
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var (check, grant) = OAuth.Authenticate(token);
        switch (check)
        {
            case TokenCheck.Missing:
                return GoogleErrors.Unauthenticated("CREDENTIALS_MISSING");
            case TokenCheck.Unknown:
                return GoogleErrors.Unauthenticated("ACCESS_TOKEN_TYPE_UNSUPPORTED");
            case TokenCheck.Expired:
                return GoogleErrors.Unauthenticated("ACCESS_TOKEN_EXPIRED");
        }

        var user = User(grant!.User);
        if (Limiter.TryAcquire(user.HealthUserId) is { } wait)
        {
            CountRateLimited();
            return GoogleErrors.RateLimited(wait, _options.SendRetryAfter, _options.SendRetryInfo);
        }

        RecordDataRequest($"{user.HealthUserId} {context.Request.Method} {context.Request.Path}{Uri.UnescapeDataString(context.Request.QueryString.Value ?? string.Empty)}");
        if (TakeInjectedFailure() is { } injected)
        {
            if (injected == StatusCodes.Status429TooManyRequests)
            {
                CountRateLimited();
            }

            return GoogleErrors.Injected(injected, _options.SendRetryAfter, _options.SendRetryInfo);
        }

        bool denied;
        lock (user)
        {
            denied = user.DenyEverything;
        }

        if (denied)
        {
            return GoogleErrors.PermissionDenied();
        }

        if (grant.Scopes.Contains(GoogleHealthScopes.CloudPlatform))
        {
            return GoogleErrors.DisallowedScopes();
        }

        return handle(user, grant);
    }

    private IResult List(HttpRequest request, SandboxUser user, Grant grant, string parent, string typeId)
    {
        if (parent != "me")
        {
            return GoogleErrors.InvalidArgumentWithoutDetails();
        }

        if (UnknownParameter(request, "filter", "pageSize", "pageToken") is { } unknown)
        {
            return unknown;
        }

        if (DataTypeCatalog.Find(typeId) is not { } type)
        {
            return GoogleErrors.BadRequest("INVALID_PARENT_DATA_TYPE_COLLECTION", $"Invalid parent data type collection: data type '{typeId}' does not exist.");
        }

        if (!type.Listable)
        {
            return GoogleErrors.BadRequest("UNSUPPORTED_DATA_TYPE_ACTION", $"Data type '{typeId}' does not support list.");
        }

        if (!grant.Scopes.Contains(type.Scope))
        {
            return GoogleErrors.ScopeInsufficient();
        }

        var rawSize = Query(request, "pageSize");
        var pageSize = type.DefaultPageSize;
        if (rawSize.Length > 0)
        {
            if (!int.TryParse(rawSize, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                return GoogleErrors.BadRequest("INVALID_PAGE_SIZE", $"Invalid page size '{rawSize}'.");
            }

            pageSize = size == 0 ? type.DefaultPageSize : Math.Min(size, type.MaxPageSize);
        }

        var filterText = Query(request, "filter");
        var (filter, reason, message) = DataPointFilter.Parse(filterText, type, _options.AcceptSampleCivilTimeFilter);
        if (filter is null)
        {
            return GoogleErrors.BadRequest(reason!, message!, filter: true);
        }

        var query = string.Join('\n', user.HealthUserId, type.Id, filterText, rawSize);
        var position = PagePosition.Start;
        var rawToken = Query(request, "pageToken");
        if (rawToken.Length > 0)
        {
            if (Tokens.Read(rawToken, query) is not { } read)
            {
                return GoogleErrors.BadRequest("INVALID_PAGE_TOKEN", "The page token is invalid.");
            }

            position = read;
        }

        return TakeMalformedList() is { } malformed
            ? new JsonAnswer(MalformedBody(malformed), StatusCodes.Status200OK)
            : new JsonAnswer(DataPointPager.Page(this, user, type, filter, query, position, pageSize), StatusCodes.Status200OK);
    }

    private static IResult Get(SandboxUser user, Grant grant, string parent, string typeId, string pointId)
    {
        if (parent != "me" && parent != user.HealthUserId)
        {
            return GoogleErrors.PermissionDenied();
        }

        if (DataTypeCatalog.Find(typeId) is not { } type)
        {
            return GoogleErrors.BadRequest("INVALID_PARENT_DATA_TYPE_COLLECTION", $"Invalid parent data type collection: data type '{typeId}' does not exist.");
        }

        if (!grant.Scopes.Contains(type.Scope))
        {
            return GoogleErrors.ScopeInsufficient();
        }

        var name = $"users/{user.HealthUserId}/dataTypes/{type.Id}/dataPoints/{pointId}";
        lock (user)
        {
            return user.Points.Find(p => p.Name == name && !p.Deleted) is { } point
                ? new JsonAnswer(point.Json(), StatusCodes.Status200OK)
                : GoogleErrors.NotFound($"Data point '{name}' was not found.");
        }
    }

    private static JsonNode MalformedBody(MalformedList shape) => shape switch
    {
        MalformedList.DataPointsNull => new JsonObject { ["dataPoints"] = null },
        MalformedList.DataPointsObject => new JsonObject { ["dataPoints"] = new JsonObject { ["name"] = "users/me/dataTypes/weight/dataPoints/1" } },
        MalformedList.DataPointsString => new JsonObject { ["dataPoints"] = "[]" },
        MalformedList.StringRoot => JsonValue.Create("no data points")!,
        MalformedList.ArrayRoot => new JsonArray(),
        _ => new JsonObject { ["dataPoints"] = new JsonArray(), ["nextPageToken"] = 7 },
    };

    /// <summary>Query parameters may be lowerCamelCase or snake_case, as Google's REST transcoding accepts both.</summary>
    private static string Query(HttpRequest request, string camel) =>
        request.Query.TryGetValue(camel, out var value) ? value.ToString() : request.Query[ToSnake(camel)].ToString();

    private static JsonAnswer? UnknownParameter(HttpRequest request, params string[] known)
    {
        foreach (var key in request.Query.Keys)
        {
            if (!SystemParameters.Contains(key) && !known.Contains(key) && !known.Select(ToSnake).Contains(key))
            {
                return new JsonAnswer(
                    new JsonObject
                    {
                        ["error"] = new JsonObject
                        {
                            ["code"] = 400,
                            ["message"] = $"Invalid JSON payload received. Unknown name \"{key}\": Cannot bind query parameter. Field '{key}' could not be found in request message.",
                            ["status"] = "INVALID_ARGUMENT",
                            ["details"] = new JsonArray(new JsonObject
                            {
                                ["@type"] = "type.googleapis.com/google.rpc.BadRequest",
                                ["fieldViolations"] = new JsonArray(new JsonObject { ["description"] = $"Invalid JSON payload received. Unknown name \"{key}\": Cannot bind query parameter." }),
                            }),
                        },
                    },
                    StatusCodes.Status400BadRequest);
            }
        }

        return null;
    }

    private static string ToSnake(string camel) =>
        string.Concat(camel.Select(c => char.IsAsciiLetterUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    private static IResult NotFoundPage() =>
        Results.Content("<!DOCTYPE html><html lang=en><title>Error 404 (Not Found)!!1</title><p><b>404.</b> That’s an error.</p></html>", "text/html; charset=UTF-8", null, StatusCodes.Status404NotFound);
}
