using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

public sealed partial class GoogleHealthSandbox
{
    private static IResult Identity(SandboxUser user, Grant grant, string parent)
    {
        if (parent != "me" && parent != user.HealthUserId)
        {
            return GoogleErrors.PermissionDenied();
        }

        if (!grant.Scopes.Any(s => s.StartsWith(GoogleHealthScopes.Prefix + ".", StringComparison.Ordinal) && s.EndsWith(".readonly", StringComparison.Ordinal)))
        {
            return GoogleErrors.ScopeInsufficient();
        }

        return new JsonAnswer(
            new JsonObject { ["name"] = "users/me/identity", ["legacyUserId"] = user.LegacyUserId, ["healthUserId"] = user.HealthUserId },
            StatusCodes.Status200OK);
    }

    private static IResult Settings(SandboxUser user, Grant grant, string parent)
    {
        if (parent != "me" && parent != user.HealthUserId)
        {
            return GoogleErrors.PermissionDenied();
        }

        if (!grant.Scopes.Contains(GoogleHealthScopes.Settings))
        {
            return GoogleErrors.ScopeInsufficient();
        }

        return new JsonAnswer(
            new JsonObject
            {
                ["name"] = $"users/{user.HealthUserId}/settings",
                ["timeZone"] = user.TimeZone,
                ["utcOffset"] = WireFormat.Duration(user.UtcOffset),
                ["weightUnit"] = "WEIGHT_UNIT_KILOGRAMS",
                ["heightUnit"] = "HEIGHT_UNIT_CENTIMETERS",
                ["distanceUnit"] = "DISTANCE_UNIT_KILOMETERS",
                ["waterUnit"] = "WATER_UNIT_ML",
                ["temperatureUnit"] = "TEMPERATURE_UNIT_CELSIUS",
                ["languageLocale"] = "en_GB",
                ["foodLanguageCode"] = "en-GB",
                ["autoStrideEnabled"] = true,
            },
            StatusCodes.Status200OK);
    }
}
