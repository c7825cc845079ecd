using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LiverMuscle.Sync.Sandbox.Withings;

/// <summary>Withings answers: HTTP 200 with <c>{"status":N,"body":{…}}</c>, errors included.</summary>
internal static class SandboxResponses
{
    public static IResult Ok(JsonObject body) => Json(new JsonObject { ["status"] = 0, ["body"] = body });

    public static IResult Error(int status, string error) =>
        Json(new JsonObject { ["status"] = status, ["body"] = new JsonObject(), ["error"] = error });

    /// <summary>Status 0 without a well-formed list: <c>measuregrps</c> for getmeas, <c>series</c> for getworkouts.</summary>
    public static IResult Malformed(MalformedOk shape, string action)
    {
        var list = action == "getworkouts" ? "series" : "measuregrps";
        return shape switch
        {
            MalformedOk.NoBody => Json(new JsonObject { ["status"] = 0 }),
            MalformedOk.EmptyBody => Ok([]),
            MalformedOk.NullList => Ok(new JsonObject { [list] = null, ["more"] = 0, ["offset"] = 0 }),
            _ => Ok(new JsonObject { [list] = new JsonObject { ["0"] = new JsonObject { ["id"] = 1 } }, ["more"] = 0 }),
        };
    }

    public static IResult Html() =>
        Results.Content("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", null, StatusCodes.Status502BadGateway);

    private static IResult Json(JsonObject value) => Results.Content(value.ToJsonString(), "application/json");
}
