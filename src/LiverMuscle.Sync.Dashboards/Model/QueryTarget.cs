using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>One query of a panel; the datasource's type decides which fields it has.</summary>
[JsonDerivedType(typeof(InfluxQlTarget))]
[JsonDerivedType(typeof(PromQlTarget))]
public abstract record QueryTarget
{
    [JsonPropertyOrder(-2)]
    public required string RefId { get; init; }

    [JsonPropertyOrder(-1)]
    public required DataSourceRef Datasource { get; init; }
}
