namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>Field options for every field of a panel. Overrides are not used.</summary>
public sealed record FieldConfigSource
{
    public required FieldConfig Defaults { get; init; }

    public IReadOnlyList<object> Overrides { get; init; } = [];
}
