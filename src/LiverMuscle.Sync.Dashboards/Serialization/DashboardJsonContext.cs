using System.Text.Json.Serialization;
using LiverMuscle.Sync.Dashboards.Model;

namespace LiverMuscle.Sync.Dashboards.Serialization;

/// <summary>Source-generated serializer metadata: camelCase, nulls left out, indented, declaration order.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(Dashboard))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
