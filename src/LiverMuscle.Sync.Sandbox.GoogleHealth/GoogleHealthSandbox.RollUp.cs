using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

public sealed partial class GoogleHealthSandbox
{
    private static IResult RollUp(SandboxUser user, Grant grant, string parent, string typeId, JsonNode? body)
    {
        if (parent != "me")
        {
            return GoogleErrors.InvalidArgumentWithoutDetails();
        }

        if (DataTypeCatalog.Find(typeId) is not { } type)
        {
            return GoogleErrors.BadRequest("INVALID_PARENT_DATA_TYPE_COLLECTION", $"Invalid parent data type collection: data type '{typeId}' does not exist.");
        }

        if (!grant.Scopes.Contains(type.Scope))
        {
            return GoogleErrors.ScopeInsufficient();
        }

        var (result, reason, message) = DailyRollUp.Compute(user, type, body);
        return result is not null ? new JsonAnswer(result, StatusCodes.Status200OK) : GoogleErrors.BadRequest(reason!, message!);
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
