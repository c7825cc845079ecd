namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>A raw InfluxQL query of the InfluxDB datasource.</summary>
public sealed record InfluxQlTarget : QueryTarget
{
    public bool RawQuery { get; init; } = true;

    public required string Query { get; init; }

    /// <summary><c>time_series</c> or <c>table</c>.</summary>
    public string ResultFormat { get; init; } = ResultFormats.TimeSeries;

    /// <summary>Series name pattern, e.g. <c>$tag_provider</c>.</summary>
    public string? Alias { get; init; }
}
