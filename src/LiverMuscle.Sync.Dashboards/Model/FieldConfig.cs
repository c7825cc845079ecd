namespace LiverMuscle.Sync.Dashboards.Model;

public sealed record FieldConfig
{
    /// <summary>A Grafana unit id (<c>masskg</c>, <c>percent</c>) or a custom <c>suffix:…</c> unit.</summary>
    public string? Unit { get; init; }

    public int? Decimals { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public string? NoValue { get; init; }

    public FieldColor Color { get; init; } = FieldColor.Classic;

    public required ThresholdsConfig Thresholds { get; init; }

    public IReadOnlyList<ValueMap>? Mappings { get; init; }

    /// <summary>Panel-type specific field options (<c>fieldConfig.defaults.custom</c>).</summary>
    public CustomFieldConfig? Custom { get; init; }
}
