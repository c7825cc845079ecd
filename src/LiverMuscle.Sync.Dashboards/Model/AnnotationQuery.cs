namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>
/// An annotation source: Grafana's built-in one, or an InfluxQL query whose rows become events
/// (<c>target</c> + <c>mappings</c>, the shape current Grafana saves).
/// </summary>
public sealed record AnnotationQuery
{
    public int? BuiltIn { get; init; }

    public required string Name { get; init; }

    public required DataSourceRef Datasource { get; init; }

    public bool Enable { get; init; } = true;

    public bool Hide { get; init; }

    public required string IconColor { get; init; }

    public string? Type { get; init; }

    public InfluxQlTarget? Target { get; init; }

    /// <summary>Annotation event field (<c>text</c>, <c>tags</c>, <c>title</c>) ← query column.</summary>
    public IReadOnlyDictionary<string, AnnotationMapping>? Mappings { get; init; }
}
