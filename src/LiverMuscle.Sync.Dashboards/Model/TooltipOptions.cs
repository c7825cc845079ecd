namespace LiverMuscle.Sync.Dashboards.Model;

internal sealed record TooltipOptions(string Mode, string Sort);
