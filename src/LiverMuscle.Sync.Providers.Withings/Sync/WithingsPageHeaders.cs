using System.Text.Json;
using LiverMuscle.Sync.Providers.Withings.Api;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>Reads the paging header of a list answer; one that cannot be read makes the answer malformed.</summary>
internal static class WithingsPageHeaders
{
    public static WithingsPageHeader Read(JsonElement body, string action)
    {
        try
        {
            return body.Deserialize(WithingsJsonContext.Default.WithingsPageHeader) ?? throw new JsonException("no body");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Withings {action} answered a paging header that cannot be read ({e.Message}); the answer is malformed and nothing was read from it.", e);
        }
    }
}
