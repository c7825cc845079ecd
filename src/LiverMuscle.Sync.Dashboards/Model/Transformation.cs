using System.Text.Json.Nodes;

namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>A Grafana transformation (<c>merge</c>, <c>organize</c>, <c>calculateField</c>…) with its options.</summary>
public sealed record Transformation(string Id, JsonObject Options);
