namespace LiverMuscle.Sync.Dashboards.Model;

public sealed record ThresholdsStyle(string Mode);
