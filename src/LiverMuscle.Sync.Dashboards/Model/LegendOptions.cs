namespace LiverMuscle.Sync.Dashboards.Model;

internal sealed record LegendOptions(string DisplayMode, string Placement, bool ShowLegend, IReadOnlyList<string> Calcs);
