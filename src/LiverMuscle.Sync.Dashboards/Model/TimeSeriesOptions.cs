namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary><c>timeseries.jsonschema.json#/definitions/Options</c>.</summary>
public sealed record TimeSeriesOptions(LegendOptions Legend, TooltipOptions Tooltip) : PanelOptions;
