namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>Time series field options (<c>timeseries.jsonschema.json#/definitions/GraphFieldConfig</c>).</summary>
public sealed record GraphFieldConfig : CustomFieldConfig
{
    /// <summary><c>line</c>, <c>bars</c> or <c>points</c>.</summary>
    public string DrawStyle { get; init; } = "line";

    public double LineWidth { get; init; } = 2;

    public double FillOpacity { get; init; } = 10;

    /// <summary><c>auto</c>, <c>never</c>, <c>always</c>.</summary>
    public string ShowPoints { get; init; } = "auto";

    public double PointSize { get; init; } = 5;

    /// <summary>Connect points across gaps: sparse data (weigh-ins, lab results) must not break the line.</summary>
    public bool SpanNulls { get; init; } = true;

    public string AxisPlacement { get; init; } = "auto";

    public string? AxisLabel { get; init; }

    /// <summary>How thresholds are drawn: <c>off</c>, <c>line</c>, <c>dashed</c>, <c>area</c>.</summary>
    public required ThresholdsStyle ThresholdsStyle { get; init; }
}
