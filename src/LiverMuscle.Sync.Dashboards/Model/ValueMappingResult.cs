namespace LiverMuscle.Sync.Dashboards.Model;

public sealed record ValueMappingResult(string Text, string Color, int Index);
