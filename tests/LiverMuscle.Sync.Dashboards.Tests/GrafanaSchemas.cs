using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiverMuscle.Sync.Testing;
using NJsonSchema;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>Grafana's own JSON schemas (foundation SDK, draft-07) from ../shared/grafana.</summary>
internal static class GrafanaSchemas
{
    private static readonly ConcurrentDictionary<string, Task<JsonSchema>> Schemas = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> PanelSchemaFiles = new(StringComparer.Ordinal)
    {
        ["timeseries"] = "timeseries", ["stat"] = "stat", ["table"] = "table", ["barchart"] = "barchart", ["state-timeline"] = "statetimeline",
    };

    public static async Task<IReadOnlyList<string>> ValidateDashboardAsync(string json)
    {
        var schema = await LoadAsync("dashboard");
        return [.. schema.Definitions["Dashboard"].Validate(json).Select(e => e.ToString())];
    }

    /// <summary>The panel's <c>options</c> and <c>fieldConfig.defaults.custom</c> against its type's schema.</summary>
    public static async Task<IReadOnlyList<string>> ValidatePanelAsync(JsonObject panel)
    {
        var type = panel["type"]!.GetValue<string>();
        var title = panel["title"]?.GetValue<string>();
        if (!PanelSchemaFiles.TryGetValue(type, out var file))
        {
            return [$"panel '{title}': no schema for panel type '{type}'"];
        }

        var schema = await LoadAsync(file);
        var errors = new List<string>();
        errors.AddRange(schema.Definitions["Options"].Validate(panel["options"]?.ToJsonString() ?? "{}").Select(e => $"panel '{title}' options: {e}"));
        if (schema.Definitions.TryGetValue("FieldConfig", out var fieldConfig) && panel["fieldConfig"]?["defaults"]?["custom"] is { } custom)
        {
            errors.AddRange(fieldConfig.Validate(custom.ToJsonString()).Select(e => $"panel '{title}' fieldConfig.defaults.custom: {e}"));
        }

        return errors;
    }

    public static async Task<HashSet<string>> UnitIdsAsync()
    {
        await using var stream = File.OpenRead(PathOf("units"));
        using var json = await JsonDocument.ParseAsync(stream);
        return json.RootElement.GetProperty("definitions").EnumerateObject()
            .Where(d => d.Value.TryGetProperty("const", out _))
            .Select(d => d.Value.GetProperty("const").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static Task<JsonSchema> LoadAsync(string name) => Schemas.GetOrAdd(name, ReadAsync);

    /// <summary>
    /// NJsonSchema cannot resolve a root <c>$ref</c> into the same document's definitions, so the root reference
    /// (<c>#/definitions/Dashboard</c>) is dropped and callers validate against the definition itself.
    /// </summary>
    private static async Task<JsonSchema> ReadAsync(string name)
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(PathOf(name)))!.AsObject();
        root.Remove("$ref");
        return await JsonSchema.FromJsonAsync(root.ToJsonString());
    }

    private static string PathOf(string name) => SharedData.PathOf("grafana", "foundation-sdk-jsonschema", name + ".jsonschema.json");
}
