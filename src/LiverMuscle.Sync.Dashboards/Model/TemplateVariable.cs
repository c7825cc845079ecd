namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>A dashboard variable; ours are InfluxDB query variables (<c>SHOW TAG VALUES …</c>).</summary>
public sealed record TemplateVariable
{
    public string Type { get; init; } = "query";

    public required string Name { get; init; }

    public string? Label { get; init; }

    public string? Description { get; init; }

    public required DataSourceRef Datasource { get; init; }

    public required string Query { get; init; }

    public required string Definition { get; init; }

    /// <summary>1 = on dashboard load, 2 = on time range change.</summary>
    public int Refresh { get; init; } = 1;

    /// <summary>1 = alphabetical ascending.</summary>
    public int Sort { get; init; } = 1;

    public bool Multi { get; init; }

    public bool IncludeAll { get; init; }

    /// <summary>What "All" stands for in a regex match; without it Grafana lists every value.</summary>
    public string? AllValue { get; init; }

    public IReadOnlyList<VariableOption> Options { get; init; } = [];
}
