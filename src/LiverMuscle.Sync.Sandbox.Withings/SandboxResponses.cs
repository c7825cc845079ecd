using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LiverMuscle.Sync.Sandbox.Withings;

/// <summary>Withings answers: HTTP 200 with <c>{"status":N,"body":{…}}</c>, errors included.</summary>
internal static class SandboxResponses
{
    public static IResult Ok(JsonObject body) => Json(new JsonObject { ["status"] = 0, ["body"] = body });

    public static IResult Error(int status, string error) =>
        Json(new JsonObject { ["status"] = status, ["body"] = new JsonObject(), ["error"] = error });

    public static IResult Html() =>
        Results.Content("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", null, StatusCodes.Status502BadGateway);

    private static IResult Json(JsonObject value) => Results.Content(value.ToJsonString(), "application/json");
}
