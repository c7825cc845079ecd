namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>
/// A Grafana dashboard in the v1 JSON model (the shape file provisioning and <c>/api/dashboards/db</c> accept).
/// Only what our dashboards use; <c>id</c> and <c>version</c> are left to Grafana.
/// </summary>
public sealed record Dashboard
{
    public required string Uid { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string Timezone { get; init; } = "browser";

    public bool Editable { get; init; } = true;

    /// <summary>0 none, 1 shared crosshair, 2 shared crosshair and tooltip.</summary>
    public int GraphTooltip { get; init; } = 1;

    public required TimeRange Time { get; init; }

    public int FiscalYearStartMonth { get; init; }

    public string WeekStart { get; init; } = "monday";

    public bool LiveNow { get; init; }

    public string Refresh { get; init; } = "15m";

    public int SchemaVersion { get; init; } = 41;

    public IReadOnlyList<Panel> Panels { get; init; } = [];

    public required Templating Templating { get; init; }

    public required AnnotationContainer Annotations { get; init; }
}
