namespace LiverMuscle.Sync.Dashboards.Model;

public sealed record LegendOptions(string DisplayMode, string Placement, bool ShowLegend, IReadOnlyList<string> Calcs);
