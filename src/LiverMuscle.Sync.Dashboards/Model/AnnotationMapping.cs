namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>Takes an annotation field from a query column (<c>source: field</c>).</summary>
public sealed record AnnotationMapping(string Value)
{
    public string Source { get; init; } = "field";
}
