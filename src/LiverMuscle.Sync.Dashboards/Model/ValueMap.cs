namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>A <c>value</c> mapping: exact values shown as text with a colour.</summary>
public sealed record ValueMap(IReadOnlyDictionary<string, ValueMappingResult> Options)
{
    public string Type { get; init; } = "value";
}
