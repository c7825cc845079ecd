namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary><c>timeseries.jsonschema.json#/definitions/Options</c>.</summary>
internal sealed record TimeSeriesOptions(LegendOptions Legend, TooltipOptions Tooltip) : PanelOptions;
