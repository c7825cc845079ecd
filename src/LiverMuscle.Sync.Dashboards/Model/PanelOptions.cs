using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>A panel's <c>options</c>: their shape depends on the panel type.</summary>
[JsonDerivedType(typeof(TimeSeriesOptions))]
[JsonDerivedType(typeof(StatOptions))]
[JsonDerivedType(typeof(TableOptions))]
public abstract record PanelOptions;

/// <summary><c>timeseries.jsonschema.json#/definitions/Options</c>.</summary>
public sealed record TimeSeriesOptions(LegendOptions Legend, TooltipOptions Tooltip) : PanelOptions;

public sealed record LegendOptions(string DisplayMode, string Placement, bool ShowLegend, IReadOnlyList<string> Calcs);

public sealed record TooltipOptions(string Mode, string Sort);

/// <summary><c>stat.jsonschema.json#/definitions/Options</c>.</summary>
public sealed record StatOptions : PanelOptions
{
    public string GraphMode { get; init; } = "area";

    public string ColorMode { get; init; } = "value";

    public string JustifyMode { get; init; } = "auto";

    public string TextMode { get; init; } = "auto";

    public bool WideLayout { get; init; } = true;

    public bool ShowPercentChange { get; init; }

    public required ReduceOptions ReduceOptions { get; init; }

    public string PercentChangeColorMode { get; init; } = "standard";

    public string Orientation { get; init; } = "auto";
}

/// <summary>Which value a stat shows: <c>lastNotNull</c>, <c>sum</c>, …</summary>
public sealed record ReduceOptions(IReadOnlyList<string> Calcs, string Fields = "", bool Values = false);

/// <summary><c>table.jsonschema.json#/definitions/Options</c>.</summary>
public sealed record TableOptions : PanelOptions
{
    public int FrameIndex { get; init; }

    public bool ShowHeader { get; init; } = true;

    public string CellHeight { get; init; } = "sm";

    public IReadOnlyList<TableSortBy>? SortBy { get; init; }
}

public sealed record TableSortBy(string DisplayName, bool Desc);
