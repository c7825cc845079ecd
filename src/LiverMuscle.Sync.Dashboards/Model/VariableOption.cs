namespace LiverMuscle.Sync.Dashboards.Model;

public sealed record VariableOption(string Text, string Value, bool Selected);
