namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>A PromQL query of a Prometheus datasource, written in the code editor.</summary>
internal sealed record PromQlTarget : QueryTarget
{
    public required string Expr { get; init; }

    /// <summary>Series name template, e.g. <c>{{livermuscle_provider}}</c>.</summary>
    public string? LegendFormat { get; init; }

    public string EditorMode { get; init; } = "code";

    /// <summary><c>time_series</c> or <c>table</c>.</summary>
    public string Format { get; init; } = ResultFormats.TimeSeries;

    /// <summary>A range query (a series over the dashboard's range) …</summary>
    public bool Range { get; init; } = true;

    /// <summary>… or an instant one (the latest value only, for tables).</summary>
    public bool Instant { get; init; }
}
