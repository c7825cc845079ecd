using System.Text.Json;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>One parsed answer: the body status, the error text, and the <c>body</c> element when status is 0.</summary>
internal sealed record WithingsResponse(int Status, string? Error, JsonElement Body, WithingsStatusKind Kind)
{
    public bool IsOk => Kind == WithingsStatusKind.Ok;

    public static WithingsResponse NotJson(string detail) => new(-1, detail, default, WithingsStatusKind.NotJson);

    public string Describe() => Kind == WithingsStatusKind.NotJson ? $"not a Withings answer: {Error}" : $"status {Status}: {Error ?? "(no error text)"}";
}
