namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>Table field options (<c>table.jsonschema.json#/definitions/FieldConfig</c>).</summary>
internal sealed record TableFieldConfig : CustomFieldConfig
{
    /// <summary><c>auto</c>, <c>left</c>, <c>right</c>, <c>center</c>.</summary>
    public string Align { get; init; } = "auto";

    /// <summary>Whether a cell's value can be opened in the inspect drawer.</summary>
    public bool Inspect { get; init; }
}
