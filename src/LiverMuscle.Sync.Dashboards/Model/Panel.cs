using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>One visualisation: its type, where it sits, its queries and how values are shown.</summary>
public sealed record Panel
{
    public required string Type { get; init; }

    public int Id { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public GridPos GridPos { get; init; } = new(8, 12, 0, 0);

    public required DataSourceRef Datasource { get; init; }

    public IReadOnlyList<QueryTarget> Targets { get; init; } = [];

    /// <summary>The InfluxQL ones of <see cref="Targets"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<InfluxQlTarget> InfluxQlTargets => [.. Targets.OfType<InfluxQlTarget>()];

    /// <summary>Minimum group-by interval for <c>$__interval</c> (e.g. <c>1d</c>).</summary>
    public string? Interval { get; init; }

    /// <summary>Panel-local relative range overriding the dashboard's (e.g. <c>7d</c>).</summary>
    public string? TimeFrom { get; init; }

    public IReadOnlyList<Transformation>? Transformations { get; init; }

    public required FieldConfigSource FieldConfig { get; init; }

    public required PanelOptions Options { get; init; }
}
