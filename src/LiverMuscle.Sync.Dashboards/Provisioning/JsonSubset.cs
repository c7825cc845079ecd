using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>
/// "Does Grafana already hold what we would send?": every property we send is present with an equal value;
/// properties Grafana adds on save (ids, versions, plugin defaults) are ignored.
/// </summary>
internal static class JsonSubset
{
    public static bool IsContainedIn(JsonNode? ours, JsonNode? theirs) => (ours, theirs) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (JsonObject o, JsonObject t) => o.All(p => IsContainedIn(p.Value, t.TryGetPropertyValue(p.Key, out var v) ? v : null) || (p.Value is null && !t.ContainsKey(p.Key))),
        (JsonArray o, JsonArray t) => o.Count == t.Count && o.Zip(t).All(pair => IsContainedIn(pair.First, pair.Second)),
        (JsonValue o, JsonValue t) => ValuesEqual(o, t),
        _ => false,
    };

    private static bool ValuesEqual(JsonValue ours, JsonValue theirs)
    {
        var (a, b) = (ours.GetValueKind(), theirs.GetValueKind());
        if (a == JsonValueKind.Number && b == JsonValueKind.Number)
        {
            return ours.GetValue<double>() == theirs.GetValue<double>();
        }

        return a == b && JsonNode.DeepEquals(ours, theirs);
    }
}
