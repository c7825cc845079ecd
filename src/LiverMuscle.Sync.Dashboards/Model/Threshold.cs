using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Dashboards.Model;

public sealed record Threshold(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Value,
    string Color);

