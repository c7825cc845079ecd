namespace LiverMuscle.Sync.Dashboards.Model;

public sealed record TooltipOptions(string Mode, string Sort);
